"""Find a posting's title, company, apply link, seniority and salary.

Readers of the shapes real postings come in go first: front matter (keys in
``tui/data/front_matter_keys.json``), a Hacker News ``Company | Role | Place`` header
(:mod:`pipe_header`), a markdown title heading (often a link to the application),
``Label: value`` lines (label words per language in ``tui/data/field_labels.json``),
ATS bylines ("at Company"), "Company · Place" lines. Decorated titles are taken apart
(:mod:`title_text`): board suffixes off, "[Remote]"-style tags to the place texts,
"Role @ Company" split. Then heuristics over the body, weakest last: a role named in
prose, an "About Company" section, the subject of the first sentences, a closing
equal-opportunity line or signature, a contact address's domain. Section names and
pronouns are never titles or companies (``tui/data/header_vocab.json``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from tui.parsing.alternation import Alternation, first_letters
from tui.parsing.boilerplate import boilerplate_lines, is_header_chrome, is_prose
from tui.parsing.front_matter import meta_text
from tui.parsing.header_words import (
    is_not_name,
    is_section_heading,
    label_alternation,
    label_words,
    words,
    words_key,
)
from tui.parsing.markdown_text import BARE_URL, heading_level, links, plain_line
from tui.parsing.pipe_header import read_pipe_header
from tui.parsing.places import is_place_line, place_kind
from tui.parsing.prose_fields import (
    company_from_closing,
    company_from_email,
    company_from_prose,
    title_from_prose,
    title_from_role_line,
)
from tui.parsing.required_text import folded_in_place, next_of
from tui.parsing.stack import vocabulary
from tui.parsing.title_text import split_title
from tui.sanitize import safe_url
from tui.text import fold

HEADER_LINES = 15
MAX_TITLE = 120  # characters: a longer line is a sentence
SHORT_POSTING = 3000  # characters: a comment, not a copied job page
# "Label: value" lines: the label words per language are data (tui/data/field_labels.json).
# (tried by first letter: most lines start with a letter no label starts with)
TITLE_PREFIX = Alternation(label_words("title"), r"\s*[:：–-]\s*")
COMPANY_LABEL = Alternation(label_words("company"), r"\s*[:：]\s*(.+)$")
APPLY_LABEL = Alternation(label_words("apply"), r"\s*[:：]\s*")
# (the lookahead of the letters an apply word starts with: 32 -> 16 us a line searched)
APPLY_TEXT = re.compile(rf"{first_letters(label_words('apply_words'))}"
                        rf"(?:{label_alternation('apply_words')})", re.IGNORECASE)
_ROLE_WORDS = (
    r"\b(?:engineer|engineering manager|developer|programmer|architect|designer|manager|"
    r"analyst|scientist|administrator|consultant|specialist|intern|tester|qa|sre|devops|"
    r"lead|head of|director|cto|researcher|technician|writer|product owner|coach|recruiter|"
    r"officer|marketer|editor|coordinator|representative|accountant|strategist|mle|"
    r"разработчик|инженер|программист|аналитик|архитектор|тестировщик|руководитель|"
    r"desarrollador|desarrolladora|ingeniero|ingeniera|programador|analista|arquitecto|"
    r"desenvolvedor|desenvolvedora|engenheiro|engenheira|arquiteto|cientista|"
    r"entwickler|ingenieur|développeur|développeuse|ingénieur|chef de projet|"
    r"programista|inżynier)"
    # CJK has no word boundaries between characters: these match anywhere.
    r"|エンジニア|開発者|プログラマー|工程师|工程師|开发|開發|程序员|设计师|架构师|产品经理|"
    r"测试|运维|研究员"
)
# (the lookahead of the letters a role word starts with skips most positions of a search)
ROLE_WORDS = re.compile(rf"{first_letters([_ROLE_WORDS])}(?:{_ROLE_WORDS})", re.IGNORECASE)
SALARY_LABEL = re.compile(
    r"^(?:salary|compensation|pay|pay range|salary range|base salary|rate|salario|sueldo|"
    r"remuneraci[oó]n|sal[aá]rio|remunera[cç][aã]o|зарплата|зарплатная вилка|оклад|"
    r"доход|gehalt|vergütung|salaire|rémunération|wynagrodzenie|widełki|retribuzione|"
    r"stipendio|ral|зарплата|заробітна плата|年収|給与|月給)"
    r"\s*[:：]\s*(.+)$",
    re.IGNORECASE,
)
MONEY = re.compile(
    r"(?:[$€£₽¥]|usd|eur|gbp|rub|brl|r\$|us\$)\s?\d[\d,.\s]*\s?[kк]?"
    r"(?:\s?(?:-|–|—|to|a|до)\s?(?:[$€£₽¥]|usd|eur|gbp|r\$)?\s?\d[\d,.\s]*\s?[kк]?)?"
    r"(?:\s?(?:usd|eur|gbp|rub|brl|₽|руб\.?))?"
    r"|\d[\d,.\s]*\s?[kк]?\s?(?:-|–|—|to|до)\s?\d[\d,.\s]*\s?[kк]?\s?(?:[$€£₽]|usd|eur|gbp|"
    r"rub|brl|руб\.?)",
    re.IGNORECASE,
)
DIGIT = re.compile(r"\d")  # every MONEY match holds one (its \d, the same digits)
# Case-folded, with no "i": found as plain substrings of the case-folded text (see
# required_text), ~10x faster than the IGNORECASE regex, which tries every position.
CURRENCY_WORDS = ("$", "€", "£", "₽", "¥", "usd", "eur", "gbp", "rub", "brl", "руб")
CURRENCY_HINT = re.compile("|".join(map(re.escape, CURRENCY_WORDS)), re.IGNORECASE)
NOT_COMPANY = Alternation(
    ("about|description|job description|overview|summary|the role|role|responsibilities|"
     "requirements|introduction|who we are|tl;dr|описание.*|о компании|sobre.*|"
     "descripci[oó]n.*|acerca de.*|company|empresa|компания|locations?|location type|"
     "employment type|job type|department|team|salary|compensation|job details").split("|"),
    "$",
)
ABOUT = re.compile(
    r"^(?:(?:about|sobre|acerca de|о компании|über|à propos de|o firmie|про|why join|why|"
    r"life at|working at|work at|careers at|benefits at|perks at|trabalhar na|trabajar en|"
    r"travailler chez|arbeiten bei)\s+(.{2,40}?)\??"
    r"|(?:关于|關於)\s*(.{2,20}))$",
    re.IGNORECASE,
)
NOT_ABOUT = re.compile(r"^(?:us|you|the .*|this .*|our .*|nós|nosotros|la empresa|a empresa)$",
                       re.IGNORECASE)
HIRING = re.compile(
    r"^(.{2,60}?)\s+(?:is|are)?\s*(?:hiring|looking for|recruiting|busca|est[aá] buscando|"
    r"contrata|est[aá] contratando|procura|ищет|sucht|recrute)"
    r"(?:\s+(?:an?|un|una|um|uma|einen?|eine|une))?\s*:?\s+(.{2,120})$",
    re.IGNORECASE,
)
LEGAL_FORM = re.compile(
    r"(?:^|\s)(?:gmbh(?:\s*&\s*co\.?\s*kg)?|ag|se|kg|kgaa|e\.\s?v\.|inc\.?|llc|ltd\.?|limited|"
    r"plc|llp|corp\.?|corporation|s\.a\.?|sa|s\.l\.?|sl|sas|s\.a\.s\.?|s\.p\.a\.?|spa|s\.r\.l\.?|"
    r"b\.v\.?|bv|n\.v\.?|nv|a/s|aps|ab|asa|oy|oyj|sp\.\s?z\s?o\.\s?o\.?|ltda\.?|"
    r"s\.a\.\s?de\s?c\.v\.?|pty\.?\s?ltd\.?|株式会社|有限会社)$"
    r"|^(?:ооо|оао|ао|пао|зао|тоо|株式会社|有限会社)(?:\s|[«\"\w])",
    re.IGNORECASE,
)
SITE_SUFFIX = re.compile(
    r"\s+(?:careers?|jobs|job board|karriere|stellenangebote|empleos|vagas|carreiras|"
    r"вакансии|carrières|kariera|採用情報)$",
    re.IGNORECASE,
)
TITLE_SEPARATOR = re.compile(r"\s+(?:—|–|-|\||@|·)\s+")
# "Wattle Pay is building…" as the first sentence of the posting: its subject is the company.
SUBJECT_COMPANY = re.compile(
    r"^((?:[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w&.'’-]*)(?:\s(?:[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ&][\w&.'’-]*)){0,3})\s+"
    r"(?:is|was|has|builds|makes|helps|develops|creates|runs|operates|designs|provides|offers|"
    r"uses|enables|empowers|powers|serves|delivers|believes|exists|es|est|ist|é|є|"
    r"является|это|—|-|–)\s"
    r"|^((?:[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w&.-]*)(?:\s[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ&][\w&.-]*){0,3})['’]s\s"
    r"(?:mission|goal|vision|purpose|platform|team|product)\b"
)
LEADING_CLAUSE = re.compile(r"^(?:since|founded in|in|seit|desde|depuis|с)\s+\d{4},?\s+",
                            re.IGNORECASE)
NOT_SUBJECT = frozenset(
    "we our the this you your join at in as a an if with since here it they there what who "
    "remote hiring nosotros somos nous wir мы".split()
)
TRAILING_PARENS = re.compile(r"\s*\([^()]*\)\s*$")
BYLINE = re.compile(r"^(?:at|@|em|en|в компании|bei|chez)\s+(.{2,60})$", re.IGNORECASE)


@dataclass(slots=True)
class Header:
    title: str = ""
    company: str = ""
    url: str = ""
    used: set[int] = field(default_factory=set)  # line numbers the header consumed
    place_texts: list[str] = field(default_factory=list)  # place lines found on the way
    short: bool = False  # a one-line header of a comment-sized posting (Hacker News)


TEMPLATE_LINE = re.compile(
    r"^\s*(?:\{[%{#].*[%}#]\}\s*$|<!--.*-->\s*$|import\s+\S.*\bfrom\s+['\"]|export\s+(?:const|default)\b)"
)
BREADCRUMB = re.compile(r"\s(?:›|»|>|→)\s")
PROSE_COMPANY = re.compile(
    r"(?:^|[.!?]\s)(?:At|En|Em|В|Bei|Chez)\s+((?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w&.'’-]*\s?){1,4}?),?\s+"
    r"(?:we|our|is|nosotros|desarrollamos|somos|nós|мы|wir|nous)\b",
    re.MULTILINE,
)
# Where PROSE_COMPANY can start: its opening word. PROSE_COMPANY opens with "^" or a
# sentence end, so re tries it at every character of the body (~60 us a body searched in
# the real set); this one opens with letters, which re skips to (~18 us a body).
PROSE_COMPANY_WORD = re.compile(r"(?:At|En|Em|В|Bei|Chez)(?=\s)")


# (lines, limit, found) of the last posting, asked twice per posting. One tuple, read
# once, so that a thread parsing another posting meanwhile (the TUI's build and its
# folder watch both parse) cannot hand this one that posting's lines.
_last_header: list[tuple[list[str], int, list[tuple[int, str]]] | None] = [None]


def header_lines(lines: list[str], limit: int = HEADER_LINES) -> list[tuple[int, str]]:
    """The first ``limit`` meaningful lines: not blank, not a rule, not boilerplate."""
    last = _last_header[0]
    if last is not None and last[0] is lines and last[1] == limit:
        return list(last[2])
    found = _header_lines(lines, limit)
    _last_header[0] = (lines, limit, found)
    return list(found)


def _header_lines(lines: list[str], limit: int) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    board = boilerplate_lines(lines)  # (all at once; the body's strip asks again)
    for number, line in enumerate(lines):
        text = plain_line(line)
        # (a rule's words are rule characters: its first one tells most lines apart)
        if not text or (text[0] in RULE_CHARACTERS and RULE_LINE.fullmatch(line.strip())) or (
                board[number] or is_header_chrome(line)):
            continue
        if TEMPLATE_LINE.match(line):
            continue  # "{% media(...) %}", "import X from '…'": site machinery, not text
        if _may_be_breadcrumb(text) and BREADCRUMB.search(text) and heading_level(line) == 0:
            continue  # "Home › Engineering › Product Engineer": site navigation
        found.append((number, line))
        if len(found) >= limit:
            break
    return found


def _may_be_breadcrumb(text: str) -> bool:
    """Whether ``text`` holds a breadcrumb's separator (substring tests: 0.4 us a line,
    where the regex search took 2.1)."""
    return ">" in text or "›" in text or "»" in text or "→" in text


RULE_CHARACTERS = "-=*_~"
RULE_LINE = re.compile(r"[-=*_~\s]+")
TAG_PREFIX = re.compile(r"^(?:[\[(](?:hiring|job|jobs|remote|vacancy|вакансия|new)[\])]\s*)+",
                        re.IGNORECASE)


def strip_title(text: str) -> str:
    text = TAG_PREFIX.sub("", plain_line(text))
    return TITLE_PREFIX.sub("", text).strip(" :|-–")


def _looks_like_title(text: str) -> bool:
    return 2 <= len(text) <= MAX_TITLE and not text.endswith((".", ":")) and (
        not COMPANY_LABEL.match(text)) and not _is_field_line(text)


def _is_field_line(text: str) -> bool:
    """"Date de Parution: 1er Juillet 2023": a label and its value, not a title (but
    "Acme: Senior Engineer" names the role after its colon)."""
    label, colon, value = text.partition(":")
    return bool(colon) and 0 < len(label.split()) <= 4 and not TITLE_PREFIX.match(
        text) and not ROLE_WORDS.search(value)


def _looks_like_company(text: str) -> bool:
    return (
        1 <= len(text) <= 60 and len(text.split()) <= 6 and not NOT_COMPANY.match(text)
        and not text[:1].islower() and not text.endswith(":") and ":" not in text[:30]
        and not (text.endswith(".") and len(text.split()) > 3)  # a sentence, not "Acme Inc."
        and not is_place_line(text) and not is_not_name(text)
        and not MONEY.search(text)  # "$170,000/yr - $220,000/yr": a board's pay chip
    )


def find_header(lines: list[str], meta: dict[str, object]) -> Header:
    header = Header()
    # A generic first heading ("Careers", "Who We Are", "Вакансии") is never the title.
    first = [(number, line) for number, line in header_lines(lines)
             if not is_section_heading(plain_line(line))]
    _from_pipes(first, header)
    title_at = _find_title(first, header)
    hiring = HIRING.match(header.title)
    if hiring and ROLE_WORDS.search(hiring.group(2)) and _looks_like_company(hiring.group(1)):
        header.company, header.title = hiring.group(1).strip(), strip_title(hiring.group(2))
    _find_company(lines, first, title_at, header)
    _apply_meta(meta, header)
    _take_title_apart(header)
    if header.title:  # "We are looking for a Data Engineer": the role the sentence names
        said = title_from_prose([header.title], ROLE_WORDS, lead_only=True)
        header.title = said or header.title
    if not header.company:
        _company_from_description(meta, header)
    _split_title(header, lines, title_at)
    if not header.title or _is_weak_title(header.title):
        header.title = (title_from_prose(lines, ROLE_WORDS)
                        or title_from_role_line(lines, ROLE_WORDS)
                        or title_from_prose(lines, ROLE_WORDS, lower_case=True) or header.title)
    if header.company and is_not_name(header.company):
        header.company = ""
    if not header.company:
        header.company = company_from_prose(lines, ROLE_WORDS)
    if not header.company:
        _subject_company(lines, title_at, header)
    if not header.company:
        header.company = company_from_closing(lines, ROLE_WORDS)
    if not header.company:
        header.company = company_from_email("\n".join(lines[:400]))
    header.url = _choose_url(lines, meta, header)
    return header


def _is_weak_title(title: str) -> bool:
    """A title line that is a sentence or a section name, not a role."""
    return is_section_heading(title) or (len(title) > 80 and not ROLE_WORDS.search(
        title[:80])) or (title.endswith("!") and not ROLE_WORDS.search(title))  # "ATTENTION!"


def _company_from_description(meta: dict[str, object], header: Header) -> None:
    """A front-matter description written as a decorated title ("Role @ Company (…)")."""
    description = _text(meta.get("description") or meta.get("summary"))
    if description and len(description) <= 200:
        company = split_title(description, ROLE_WORDS).company
        if company and not is_not_name(company) and _looks_like_company(company):
            header.company = company


def _take_title_apart(header: Header) -> None:
    """Board decoration off the title; its company and place tags where they belong."""
    if not header.title:
        return
    parts = split_title(header.title, ROLE_WORDS)
    if not parts.title:
        return
    header.title = parts.title
    header.place_texts.extend(parts.place_texts)
    if parts.company and not header.company:
        header.company = "" if is_not_name(parts.company) else parts.company


def _choose_url(lines: list[str], meta: dict[str, object], header: Header) -> str:
    """The apply link if there is one, else the posting's own link. A job-looking link
    in the text stands for the posting only in a short one (a Hacker News comment): a long
    page's "careers" links are the company's site."""
    return (
        safe_url(meta_text(meta, "apply_url"))
        or find_apply_url(lines)
        or safe_url(meta_text(meta, "url"))
        or header.url
        or find_source_url(lines)
        or (find_job_link(lines) if header.short or sum(map(len, lines)) < SHORT_POSTING
            else "")
    )


def _split_title(header: Header, lines: list[str], title_at: int) -> None:
    """"Role at Company", "Role — Company": the company out of the title. Without a
    company found elsewhere, the part after the separator must be named again."""
    if " at " in header.title and not header.company:
        role, _, company = header.title.rpartition(" at ")
        if _looks_like_company(company) and ROLE_WORDS.search(role):
            header.title, header.company = role.strip(), company.strip()
            return
    parts = TITLE_SEPARATOR.split(header.title)
    if len(parts) < 2:
        return
    role, company = " - ".join(parts[:-1]), parts[-1].strip()
    if header.company:
        if company.casefold() == header.company.casefold():
            header.title = header.title[:header.title.rfind(company)].rstrip(" —–-|@·")
        return
    if (ROLE_WORDS.search(role) and not ROLE_WORDS.search(company)
            and _looks_like_company(company) and _named_again(company, title_at, lines)):
        header.title = header.title[:header.title.rfind(company)].rstrip(" —–-|@·")
        header.company = company


def _from_pipes(first: list[tuple[int, str]], header: Header) -> None:
    """HN-style one-liner: ``Acme | Senior Engineer | Berlin | ONSITE | https://…``."""
    for position, (number, line) in enumerate(first[:3]):
        found = read_pipe_header(line, ROLE_WORDS, first_line=position == 0)
        if found is None:
            continue
        header.title = strip_title(found.role)
        company = found.company.strip("_* ")
        header.company = company if 1 <= len(company) <= 60 and not is_not_name(company) else ""
        # A bare homepage in the header is the company's site, not the posting's link.
        header.url = found.url if urlsplit(found.url).path.strip("/") else ""
        header.place_texts.extend(found.place_texts)
        header.used.add(number)
        header.short = True
        return


def _find_title(first: list[tuple[int, str]], header: Header) -> int:
    """Fill in the title; return the line number it came from (-1 when none)."""
    if header.title or header.short:  # a pipe header without a role field: no title line
        return next(iter(header.used))
    for position, (number, line) in enumerate(first[:3]):
        if (heading_level(line) and position == 0) or heading_level(line) == 1:
            found = links(line)
            if found and found[0][0].strip():
                header.title = strip_title(found[0][0])
                header.url = safe_url(found[0][1])
            else:
                header.title = strip_title(line)
            if header.title:
                header.used.add(number)
                return number
    for number, line in first:
        text = plain_line(line)
        if TITLE_PREFIX.match(text) and strip_title(text):
            header.title = strip_title(text)
            header.used.add(number)
            return number
    for number, line in first[:5]:
        text = plain_line(line)
        # (the length first: a paragraph is never a title, and searching it for role
        # words took ~10 us)
        if len(text) <= MAX_TITLE and ROLE_WORDS.search(text) and _looks_like_title(
                text) and " · " not in text:
            header.title = strip_title(text)
            header.used.add(number)
            return number
    if first and _looks_like_title(plain_line(first[0][1])):
        header.title = strip_title(first[0][1])
        header.used.add(first[0][0])
        return first[0][0]
    return -1


def _find_company(
    lines: list[str], first: list[tuple[int, str]], title_at: int, header: Header
) -> None:
    for number, line in first:
        match = COMPANY_LABEL.match(plain_line(line))
        if match and _looks_like_company(match.group(1).strip()):
            header.company = match.group(1).strip()
            header.used.add(number)
            return
    if header.company:
        return
    for number, line in first[:8]:
        text = plain_line(line)
        if number in header.used or len(text) > 80:
            continue  # decided before the legal-form pattern scans the line
        bare = text.strip(" «»\"“”,")  # "Thanks," is not "Thanks" plus a legal form
        name = LEGAL_FORM.sub(" ", bare).strip(" «»\"“”,")
        if name != bare and _looks_like_company(name) and not ROLE_WORDS.search(text):
            header.company = text
            header.used.add(number)
            return
    after = [(n, line) for n, line in first if n > title_at][:2] if title_at >= 0 else []
    if after:
        number, line = after[0]
        text = plain_line(line)
        byline = BYLINE.match(TRAILING_PARENS.sub("", text))  # "at Acme (View all jobs)"
        if byline and _looks_like_company(byline.group(1)):
            header.company = byline.group(1).strip()
        elif " · " in text:
            company, _, rest = text.partition(" · ")
            if _looks_like_company(company.strip()):
                header.company = company.strip()
                header.place_texts.append(rest)
        elif heading_level(line) and heading_level(lines[title_at]) and _looks_like_company(text):
            header.company = text
        if header.company:
            header.used.add(number)
            return
    # A bare line near the title is the company only if the posting names it again. Above
    # the title it may be a site header: "Acme Careers", "Acme | Careers | Our story".
    before = [(n, line) for n, line in first if n < title_at][-4:] if title_at >= 0 else []
    for number, line in after[:1] + before[::-1]:
        text = plain_line(line)
        if number < title_at:
            text = SITE_SUFFIX.sub("", text.split(" | ")[0].strip())
        if _looks_like_company(text) and not ROLE_WORDS.search(text) and _named_again(
                text, number, lines):
            header.company = text
            header.used.add(number)
            return
    body = "\n".join(lines[title_at + 1:]) if title_at >= 0 else ""
    prose = _prose_company(body)
    if prose and _looks_like_company(prose.group(1).strip()):
        header.company = prose.group(1).strip()
        return
    for line in lines:
        stripped = line.strip()
        if not (stripped.startswith(("#", "**", "__"))):
            continue
        about = ABOUT.match(plain_line(line).rstrip(":"))
        name = (about.group(1) or about.group(2)).strip() if about else ""
        if name and not NOT_ABOUT.match(name) and _looks_like_company(name):
            header.company = name
            return


def _prose_company(body: str) -> re.Match[str] | None:
    """``PROSE_COMPANY.search(body)``, tried only where its opening word stands: at a line's
    start, or after a sentence's end and a space (where the search would start its match,
    and the rest of the pattern reads the same text from the word on)."""
    for word in PROSE_COMPANY_WORD.finditer(body):
        at = word.start()
        if at == 0 or body[at - 1] == "\n":
            start = at
        elif at >= 2 and body[at - 1].isspace() and body[at - 2] in ".!?":
            start = at - 2
        else:
            continue
        match = PROSE_COMPANY.match(body, start)
        if match:
            return match
    return None


def _subject_company(lines: list[str], title_at: int, header: Header) -> bool:
    """The subject of one of the first sentences of prose, or of the first sentence under an
    "About us" heading, when it reads as a name ("Acme is…", "Acme's mission is…")."""
    prose = [line for line in lines[title_at + 1:title_at + 60] if is_prose(line)][:3]
    about = _about_section_prose(lines)
    candidates = [(about, True)] if about else []
    candidates += [(line, position == 0) for position, line in enumerate(prose)]
    for line, trusted in candidates:
        name = _subject_name(plain_line(line))
        if name and (trusted or _named_again(name, -1, lines, times=2)):
            header.company = name
            return True
    return False


def _about_section_prose(lines: list[str]) -> str:
    headings = words("about_headings")
    for number, line in enumerate(lines):
        if (heading_level(line) or line.strip().startswith(("**", "__"))) and words_key(
                plain_line(line)) in headings:
            return next((text for text in lines[number + 1:number + 6] if is_prose(text)), "")
    return ""


def _subject_name(text: str) -> str:
    match = SUBJECT_COMPANY.match(LEADING_CLAUSE.sub("", text))
    if not match:
        return ""
    name = (match.group(1) or match.group(2)).strip()
    vocab = vocabulary()
    if name.split()[0].lower() in NOT_SUBJECT or ROLE_WORDS.search(name) or not (
            _looks_like_company(name)) or place_kind(name) or (
            name.lower() in vocab.aliases or name in vocab.exact):
        return ""  # "Python is…", "Berlin is…": not a company
    return name


_folded = lru_cache(maxsize=8192)(fold)  # a posting's lines are folded for several names


def _named_again(name: str, number: int, lines: list[str], times: int = 1) -> bool:
    """Does the posting name ``name`` (accents and case aside, in a domain too: "Vórtx" in
    vortx.com) ``times`` times anywhere but on line ``number``?"""
    wanted = fold(name)
    if not wanted:
        return False
    seen = 0
    for n, line in enumerate(lines):
        if n != number and (wanted[:3] in line.lower() or not line.isascii()):
            seen += _whole_words(wanted, _folded(line))
            if seen >= times:
                return True
    return False


def _whole_words(word: str, text: str) -> int:
    r"""How many times ``word`` stands in ``text`` with no word character either side: what
    ``re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text)`` counts, without compiling a
    regex per name (``\w`` is ``str.isalnum`` or "_")."""
    count, at = 0, text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _is_word(text[at - 1])) and (end == len(text) or not _is_word(
                text[end])):
            count += 1
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)
    return count


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


SOURCE_LABEL = re.compile(r"^\W*([^\W\d][^:：]{0,30}?)\s*[:：]\s*$")


def find_source_url(lines: list[str]) -> str:
    """A link under a "Source:"/"Fonte:"/"Original:" label: where the posting was found."""
    labels = words("source_labels")
    for line in lines:
        if "http" not in line:
            continue
        url = BARE_URL.search(line)
        found = links(line)
        target = safe_url(url.group()) if url else safe_url(found[0][1]) if found else ""
        if not target:
            continue
        lead = plain_line(line[:url.start()] if url else line[:line.find("](")].split("[")[0])
        label = SOURCE_LABEL.match(lead.rstrip(":：") + ":") if lead else None
        if label and words_key(label.group(1)) in labels:
            return target
    return ""


def find_job_link(lines: list[str]) -> str:
    """The first link that looks like a job page (a careers path, an applicant-tracking
    host): the posting's own link when nothing says "apply"."""
    cues = words("job_link_words")
    for line in lines:
        if "http" not in line:
            continue
        targets = [target for _, target in links(line)] + BARE_URL.findall(line)
        for target in targets:
            url = safe_url(target.rstrip(".,;:!?)"))
            if not url:
                continue
            lowered = url.lower().split("://", 1)[-1]
            host, _, path = lowered.partition("/")
            pieces = set(re.split(r"[/.?#=&_-]+", path)) | set(host.split("."))
            if pieces & cues or any(host.endswith(cue) for cue in cues if "." in cue):
                return url
    return ""


def find_apply_url(lines: list[str]) -> str:
    """The application link: a link whose text says apply, a URL on a line that does, or
    a URL alone on the line under a short "How to apply" label."""
    # Only lines with a link are weighed; the section each one sits in is found by looking
    # back from it to the nearest section label (the lines between links are never read
    # twice), instead of classifying every line of the posting (measured: ~5x faster).
    label_at = -1  # the last section label at or above the line being weighed
    looked = 0  # lines[:looked] have been looked at for labels
    for number, line in enumerate(lines):
        if "http" not in line:
            continue
        for back in range(number, looked - 1, -1):
            if _is_section_label(lines[back]):
                label_at = back
                break
        looked = number + 1
        in_apply_section = label_at >= 0 and bool(APPLY_TEXT.search(plain_line(lines[label_at])))
        if in_apply_section and not _is_section_label(line):
            found = [target for _, target in links(line)] + BARE_URL.findall(line)
            url = next((safe_url(t) for t in found if safe_url(t)), "")
            if url:
                return url
        for text, target in links(line):
            if APPLY_TEXT.search(text) and safe_url(target):
                return safe_url(target)
        bare = BARE_URL.search(line)
        if bare and safe_url(bare.group()):
            lead = plain_line(line[:bare.start()])
            if (APPLY_TEXT.search(lead) or APPLY_LABEL.match(lead)) and len(lead) <= 60:
                return safe_url(bare.group())
            if not lead:
                said = plain_line(_line_before(lines, number))
                if APPLY_TEXT.search(said) and len(said) <= 60:
                    return safe_url(bare.group())
    return ""


def _line_before(lines: list[str], number: int) -> str:
    """The last non-blank line above line ``number``, as written."""
    return next((lines[n] for n in range(number - 1, -1, -1) if lines[n].strip()), "")


def _is_section_label(line: str) -> bool:
    """A heading, a bold line or a short "Label:" line: where a section starts."""
    stripped = line.strip()
    if not stripped or len(stripped) > 80 or not (
            stripped[0] in "#*_" or stripped.endswith((":", "：", "**", "__"))):
        return False  # most lines: decided without looking further
    if "://" in stripped or len(plain_line(line)) > 60:
        return False
    return bool(heading_level(line)) or stripped.startswith(("**", "__")) or stripped.endswith(
        (":", "："))


def _text(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value if isinstance(item, str | int | float))
    return value if isinstance(value, str) else ""


def _apply_meta(meta: dict[str, object], header: Header) -> None:
    """Front matter names the fields outright (keys: ``tui/data/front_matter_keys.json``)."""
    title = meta_text(meta, "title")
    if title and not is_section_heading(title):
        header.title = strip_title(title)
    company = plain_line(meta_text(meta, "company"))
    if company and not is_not_name(company):
        header.company = company


def _currency_hint(text: str, lowered: str | None, position: int,
                   found: dict[str, int]) -> tuple[int, int] | None:
    """The span of the first currency hint from ``position``: in the case-folded text when
    it lines up with ``text`` character for character, else by the regex."""
    if lowered is None:
        match = CURRENCY_HINT.search(text, position)
        return match.span() if match else None
    hit = next_of(CURRENCY_WORDS, lowered, position, found)
    return None if hit is None else (hit[0], hit[0] + len(hit[1]))


def find_salary(lines: list[str], meta: dict[str, object]) -> str:
    stated = _text(meta.get("salary") or meta.get("compensation")).strip()
    if stated:
        return stated[:80]
    for line in lines:
        if ":" not in line and "：" not in line:
            continue  # the label needs its colon; most lines are decided here
        match = SALARY_LABEL.match(plain_line(line))
        if match:
            return match.group(1).strip()[:80]
    text = "\n".join(lines)
    aligned = folded_in_place(text)
    found: dict[str, int] = {}
    hint = _currency_hint(text, aligned, 0, found)
    while hint:  # each line with a currency hint, in order (one search per line was ~4%)
        start = text.rfind("\n", 0, hint[0]) + 1
        end = text.find("\n", hint[1])
        end = len(text) if end < 0 else end
        line = text[start:end]
        hint = _currency_hint(text, aligned, end, found)
        if not DIGIT.search(line):
            continue  # "Ruby", "Europe", "neural": an amount needs a digit, the markup adds none
        match = MONEY.search(plain_line(line))
        if match and re.search(r"\d{2}", match.group()):
            return " ".join(match.group().split())[:80]
    return ""
