"""Title and company from the posting's sentences, for postings without a header.

Plain copy-pastes of ATS pages often open with prose: "Acme is seeking a Security
Engineer to…", "We are looking for an AI Engineer who…", "Nous recherchons un(e)
Développeur(se) Full Stack pour…". The role is the capitalised run after the verb that
holds a role word; the company is the sentence's subject when it reads as a name.
"""

from __future__ import annotations

import re

from tui.parsing.header_words import is_not_name, words
from tui.parsing.markdown_text import plain_line

SEEKING = re.compile(
    r"(?:(?<=\s)|^)(?:as (?:an?|our)(?= [A-Z])|looking for|searching for|seeking|"
    r"hiring(?: for)?|recruiting|in search of|"
    r"recherchons|recherche|recrute|cherchons|suchen wir(?: dich)?|suchen|sucht|"
    r"buscamos|busca|procuramos|procura|contratando|contrata|estamos buscando|"
    r"ищем|ищет|нанимаем|szukamy|cerchiamo)"
    r"(?:\s+(?:an?|one|two|several|un(?:\(e\)|e)?|una?|uma?|eine[nm]?|einen|ein|"
    r"de|des|new|our(?: next)?|the))?\s+",
    re.IGNORECASE,
)
CAPITAL_WORD = r"[A-ZÀ-ÖØ-ÞА-ЯЁ0-9.][\w.+#/&'’()*-]*"
CAPITAL_RUN = re.compile(
    rf"((?:{CAPITAL_WORD})(?:(?:\s|,\s|\s/\s|\s&\s|\s\(|\)\s?)(?:{CAPITAL_WORD}|\([^)]{{1,40}}\)))*)"
)
# Adjectives before the role ("a highly skilled and experienced Senior Engineer").
LOWER_LEAD = re.compile(r"^(?:[a-zà-ÿа-яё]\S*,?\s+){0,6}")
SUBJECT_HIRING = re.compile(
    r"^(?:at\s+)?((?:[A-ZÀ-ÖØ-ÞА-ЯЁ0-9][\w&.'’+-]*)(?:\s(?:[A-ZÀ-ÖØ-ÞА-ЯЁ&][\w&.'’+-]*|of|de|"
    r"for|and|the|du|der|la)){0,4})\s+(?:is|are|est|ist|está|esta|é)?\s*(?:now\s+|currently\s+)?"
    r"(?:looking for|seeking|hiring|searching for|recruiting|recrute|recherche|sucht|busca|"
    r"procura|contrata|ищет|szuka)\b"
)
JOIN = re.compile(
    r"(?:^|[.!]\s+)(?:join|rejoignez|rejoindre|únete a|junte-se (?:à|a|ao)|"
    r"werde teil von|dołącz do|присоединяйся к|присоединяйтесь к)\s+"
    r"(?:us\s+at\s+|the\s+team\s+at\s+)?"
    r"((?:[A-ZÀ-ÖØ-ÞА-ЯЁ0-9][\w&.'’+-]*)(?:\s[A-ZÀ-ÖØ-ÞА-ЯЁ&][\w&.'’+-]*){0,3})"
)
AT_NAME = re.compile(
    r"(?:^|[.!?]\s+)(?:At|En|Em|Chez|Bei|В)\s+((?:[A-ZÀ-ÖØ-ÞА-ЯЁ0-9][\w&.'’+-]*)"
    r"(?:\s[A-ZÀ-ÖØ-ÞА-ЯЁ&][\w&.'’+-]*){0,3}),\s"
)
# "Die Acme GmbH sucht…", "A Acme é…": a definite article before the name is not part of it.
ARTICLE = re.compile(r"^(?:die|der|das|la|le|les|el|los|las|il|lo|os|as|o|a)\s+(?=[A-Z0-9])")
EMAIL = re.compile(r"[\w.+-]+@((?:[\w-]+\.)+[a-z]{2,})", re.IGNORECASE)
PROSE_LINES = 12


def title_from_prose(lines: list[str], role_words: re.Pattern[str],
                     lead_only: bool = False, lower_case: bool = False) -> str:
    """The role a sentence near the top says is wanted, as the posting capitalises it;
    with ``lead_only``, only where the verb opens the line ("Wir suchen eine*n …"); with
    ``lower_case``, a role written in lower case ("hiring senior data engineers to…")."""
    if lower_case:
        return _lower_case_title(lines, role_words)
    for line in [plain_line(line) for line in lines] if lead_only else _prose(lines, 30):
        for match in SEEKING.finditer(line):
            if lead_only and len(line[:match.start()].split()) > 3:
                break
            rest = LOWER_LEAD.sub("", line[match.end():match.end() + 200])
            run = CAPITAL_RUN.match(rest)
            if not run:
                continue
            title = run.group(1).strip(" ,(").rstrip()
            title = re.sub(r"\s*\($", "", title)
            if title.count("(") > title.count(")"):
                title = title[:title.rfind("(")].strip()
            if role_words.search(title) and 2 <= len(title) <= 100:
                return title
    return ""


def _lower_case_title(lines: list[str], role_words: re.Pattern[str]) -> str:
    for line in _prose(lines, 30):  # "we're hiring senior software developers with…"
        for match in SEEKING.finditer(line):
            title = _lower_case_role(line[match.end():match.end() + 120], role_words)
            if title:
                return title
    return ""


STOP_WORD = re.compile(r"^(?:to|with|for|who|that|in|at|on|and|or|from|which|like|as|of)$")
ADJECTIVE = re.compile(r"^(?:experienced|talented|passionate|skilled|strong|great|motivated|"
                       r"expert-level|highly|seasoned|exceptional|driven|curious|several|"
                       r"multiple|more|additional|two|three|a|an|the|\d+)$", re.IGNORECASE)


def _lower_case_role(text: str, role_words: re.Pattern[str]) -> str:
    """"an expert-level engineering lead with…" → "engineering lead"."""
    phrase: list[str] = []
    for word in text.split()[:7]:
        bare = word.strip(",.;:!?()")
        if STOP_WORD.match(bare.lower()) or not bare:
            break
        phrase.append(bare)
        if bare != word:
            break  # punctuation ends the phrase
    while phrase and ADJECTIVE.match(phrase[0]):
        phrase.pop(0)
    while phrase and not role_words.search(phrase[-1]):
        phrase.pop()
    return " ".join(phrase) if phrase and len(phrase) <= 5 else ""


ROLE_LABEL = re.compile(r"^([A-ZÀ-ÖØ-ÞА-ЯЁ][^:.!?;]{2,70}?)\s*(?::|\s[–—-]\s|\(|$)")
ROLE_LINES = 40


def title_from_role_line(lines: list[str], role_words: re.Pattern[str]) -> str:
    """A line near the top that starts with a role ("1. Senior Go Engineer: you will…",
    "Backend Developer (Remote)"), for postings whose header names none."""
    for line in lines[:ROLE_LINES]:
        text = plain_line(line)
        match = ROLE_LABEL.match(text)
        if not match:
            continue
        role = match.group(1).strip()
        last = role.split()[-1]
        # The role word ends the phrase ("Senior Go Engineer") unless "of" follows
        # it ("Head of Data"): "Lead the way" is an instruction, not a role.
        if (role_words.search(last) or " of " in role) and role_words.search(role) and len(
                role.split()) <= 8 and not SEEKING.search(role) and not role.lower().startswith(
                ("we ", "you ", "our ", "the ", "i ")):
            return role
    return ""


def company_from_prose(lines: list[str], role_words: re.Pattern[str]) -> str:
    """"Acme is hiring…", "Join Acme…", "At Acme, we…": a name the prose gives."""
    for line in _prose(lines):
        for pattern in (SUBJECT_HIRING, AT_NAME, JOIN):
            match = pattern.search(line)
            name = ARTICLE.sub("", match.group(1)) if match else ""
            if name and _is_name(name, role_words):
                return name.strip(" .,")
    return ""


NAME = r"((?:[A-ZÀ-ÖØ-ÞА-ЯЁ0-9][\w&.'’+-]*)(?:\s(?:[A-ZÀ-ÖØ-ÞА-ЯЁ&][\w&.'’+-]*|of|de|and)){0,4})"
# "Acme is an equal opportunity employer", "Acme is proud to be an EOE": US postings end so.
EQUAL_OPPORTUNITY = re.compile(
    rf"(?:^|[.!]\s+)(?:At\s+)?{NAME},?\s+(?i:(?:is|are)\s+(?:proud(?:ly)?\s+(?:to be\s+)?|"
    r"committed to being\s+|an?\s+proud\s+)?(?:an?\s+)?(?:equal\s+(?:opportunity|employment)|"
    r"eoe\b|affirmative action))",
)
# "— The Acme Team", "Acme Recruiting Team", "Equipe Acme", "Команда Acme": a signature.
SIGNATURE = re.compile(
    rf"^(?:[-—–~]+\s*)?(?i:the\s+|das\s+|l'|la\s+|el\s+)?{NAME}[\s-]+(?i:team|hiring team|"
    r"recruiting team|talent team|people team|crew|family)[.!]?$"
    rf"|^(?i:equipe|équipe|equipo|команда|das team von|l'équipe)\s+{NAME}[.!]?$",
)
LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s")
SIGNATURE_LINES = 8


def company_from_closing(lines: list[str], role_words: re.Pattern[str]) -> str:
    """A name the end of a posting gives: an equal-opportunity statement or a signature."""
    tail = [plain_line(line) for line in lines[-60:] if line.strip() and not LIST_ITEM.match(
        line)]
    for text in tail[-SIGNATURE_LINES:]:
        match = SIGNATURE.match(text)
        name = (match.group(1) or match.group(2)) if match else ""
        if name and _is_name(name, role_words):
            return name.strip(" .,")
    for line in lines:
        if "qual" not in line and "EOE" not in line and "ffirmative" not in line:
            continue
        match = EQUAL_OPPORTUNITY.search(plain_line(line))
        name = ARTICLE.sub("", match.group(1)) if match else ""
        if name and _is_name(name, role_words):
            return name.strip(" .,")
    return ""


def company_from_email(text: str) -> str:
    """A last resort: the name in a contact address's domain, spelt as the text spells it
    elsewhere ("jobs@acme.io" and "Acme" in the text give "Acme")."""
    if "@" not in text:
        return ""  # most postings: the address pattern would try every word of the text
    for match in EMAIL.finditer(text):
        label = match.group(1).lower().split(".")[-2]
        if len(label) < 3 or label in words("free_mail_domains"):
            continue
        named = re.search(rf"(?<![\w@.]){re.escape(label)}(?![\w@])", text, re.IGNORECASE)
        seen = [m.group() for m in re.finditer(rf"(?<![\w@./]){re.escape(label)}(?![\w.@])",
                                                 text, re.IGNORECASE)]
        if named and seen:
            capitalised = [word for word in seen if word[:1].isupper()]
            return capitalised[0] if capitalised else ""
    return ""


def _is_name(text: str, role_words: re.Pattern[str]) -> bool:
    text = text.strip(" .,")
    return (1 < len(text) <= 50 and not is_not_name(text) and not role_words.search(text)
            and text.split()[0].lower() not in {"we", "you", "our", "this", "the", "it", "if"})


def _prose(lines: list[str], limit: int = PROSE_LINES) -> list[str]:
    found: list[str] = []
    for line in lines:
        if len(line) < 30:
            continue
        text = plain_line(line)
        if len(text) >= 30:
            found.append(text)
            if len(found) >= limit:
                break
    return found
