"""The shape of the cleaned body: what the detail pane renders as markdown.

Two jobs, both over structure rather than any one board's wording:

- lines of the opening block that merely repeat the title or the company
  ("# Rust Developer", "Site Reliability Engineer — Sable Analytics", "at Status")
  go: the detail pane heads the body with those fields already;
- a plain-text posting (no markdown headings or bold label lines) gets its
  bullets ("•", "・", "— ") as markdown list items and its short section labels
  ("What you will do", "Requirements:", "【業務内容】") as headings, so it renders
  with the same structure as a markdown one.
"""

from __future__ import annotations

import re

from tui.parsing.boilerplate import PROSE_LENGTH, is_prose
from tui.parsing.fields import HIRING, strip_title
from tui.parsing.markdown_text import BARE_URL, HEADING, plain_line
from tui.parsing.places import read_place_line
from tui.text import fold

OPENING_LINES = 6  # non-blank lines of the opening block searched for a repeated title
JOINER = r"\s*(?:[-–—|·•@,:/]|\bat\b|\bbei\b|\bchez\b|\ben\b|\bem\b|\bв\b)\s*"
JOINER_RE = re.compile(JOINER)
BYLINE_WORDS = re.compile(r"^(?:at|@|em|en|в компании|bei|chez)\s+", re.IGNORECASE)
BULLET_MARKS = "•●▪◦‣∙・–—"
BULLET = re.compile(rf"^(\s*)(?:[{BULLET_MARKS[:-2]}]|[{BULLET_MARKS[-2:]}](?=\s))\s*")
BULLET_MARK = re.compile(rf"^\s*[{BULLET_MARKS}]", re.MULTILINE)  # a line that may hold one
LIST_ITEM = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s)")
BOLD_LINE = re.compile(r"^(?:\*\*|__).+(?:\*\*|__):?$")
LABEL_END = re.compile(r"[.,;!…]$")
SECTION_WORDS = re.compile(
    r"about|description|responsibilit|requirement|qualification|benefit|perks|offer|what you|"
    r"who you|you will|you'll|you have|you bring|skills|stack|tech|profile|tasks|how to apply|"
    r"process|compensation|salary|nice to have|bonus|culture|the role|the team|why join|"
    r"company|компания|empresa|unternehmen|entreprise|"
    r"обязанности|требования|условия|о компании|о нас|предлагаем|задачи|навыки|стек|"
    r"чем предстоит|что мы|requisitos|responsabilidades|beneficios|benefícios|ofrecemos|"
    r"oferecemos|quiénes somos|qué harás|qué buscamos|sobre|atividades|descripci|"
    r"aufgaben|profil|wir bieten|über uns|missions|avantages|zadania|wymagania|oferujemy|"
    r"o firmie|業務内容|必須|歓迎|会社概要|応募|待遇|福利厚生",
    re.IGNORECASE,
)


def drop_title_lines(body: str, title: str, company: str) -> str:
    """Remove the opening block's lines that say nothing but the title or the company."""
    lines = body.split("\n")
    kept: list[str] = []
    seen = 0
    for index, line in enumerate(lines):
        text = plain_line(line)
        if text:
            seen += 1
            if is_prose(line) or seen > OPENING_LINES:
                kept.extend(lines[index:])
                break
            if _repeats_title(text, title, company):
                continue
        kept.append(line)
    return "\n".join(kept)


def _repeats_title(text: str, title: str, company: str) -> bool:
    wanted = fold(title)
    if not wanted:
        return False
    said = fold(strip_title(text))
    if said == wanted:
        return True
    if not company:
        return False
    if fold(BYLINE_WORDS.sub("", text)) == fold(company):
        return True
    hiring = HIRING.match(text)
    if hiring and fold(hiring.group(1)) == fold(company) and fold(
            strip_title(hiring.group(2))) == wanted:
        return True
    firm = fold(company)
    return _joined(said, wanted, firm) or _joined(said, firm, wanted)


def _joined(said: str, first: str, second: str) -> bool:
    """Is ``said`` ``first``, a joiner, then ``second``? String tests, not a regex built per
    posting: those missed the regex cache and cost ~2 ms each on the bulk corpus."""
    if not (said.startswith(first) and said.endswith(second)):
        return False
    middle = said[len(first):len(said) - len(second)]
    return len(said) >= len(first) + len(second) and JOINER_RE.fullmatch(middle) is not None


def is_plain_text(body: str) -> bool:
    """No markdown headings and no bold label lines: a copy-paste of a web page's text."""
    if "#" not in body and "**" not in body and "__" not in body:
        return True  # a plain text, said without reading its lines (HEADING needs a "#")
    return not any(HEADING.match(line) or BOLD_LINE.match(line.strip())
                   for line in body.split("\n"))


def structure_plain_text(body: str) -> str:
    """Bullets as list items, section labels as headings; other lines unchanged."""
    lines = body.split("\n")
    # BULLET only where a line's first character (after spaces) is a mark: most bodies
    # have none, said by one search (the substitution on every line was ~2/3 of the stage).
    if BULLET_MARK.search(body):
        lines = [BULLET.sub(r"\1- ", line) if line.lstrip()[:1] in BULLET_MARKS else line
                 for line in lines]
    result = list(lines)
    following = ""  # the next non-blank line, walking up from the end
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        previous = lines[index - 1] if index else ""
        if following and _is_label(line) and _introduces(line, following, previous):
            result[index] = "### " + line.strip().rstrip(":：").strip()
        if line.strip():
            following = line
    return "\n".join(result)


def _is_label(line: str) -> bool:
    text = line.strip()
    if not text or LIST_ITEM.match(line) or len(text) > 60 or len(text.split()) > 8:
        return False
    if LABEL_END.search(text) or BARE_URL.search(text) or any(sep in text for sep in "·|•"):
        return False
    head = text.rstrip(":：")
    if re.search(r"[.!?]\s", head) or ":" in head or "：" in head:
        return False  # a sentence, or a "Label: value" field
    if not (head[:1].isupper() or head[:1] in "¿¡【「" or not head[:1].isascii()):
        return False
    return not read_place_line(head).is_location


def _introduces(line: str, following: str, previous: str) -> bool:
    """Does the label ``line`` open a section: a list, or a paragraph after a break?"""
    if LIST_ITEM.match(following) or line.rstrip().endswith((":", "：")):
        return True
    if SECTION_WORDS.search(line) and len(line.split()) <= 6:
        return True
    after_break = not previous.strip() or LIST_ITEM.match(previous) or len(
        previous.strip()) >= PROSE_LENGTH
    return len(following.strip()) >= PROSE_LENGTH and bool(after_break)
