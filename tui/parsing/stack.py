"""Which technologies a posting asks for, as canonical names from a vocabulary kept as data.

``tui/data/stack_vocab.json`` maps each canonical name ("go", "postgres",
"c++") to aliases matched case-insensitively ("golang", "postgresql") and to
*exact* forms for names that are also ordinary words ("Go", "Swift", "Spark"),
matched with their capitalisation and only where the text is talking about
technology: next to another technology in a list, before a word like
"developer" or "experience", after "in/with/using" in a sentence about skills,
or inside a stack/requirements section.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from tui.parsing.markdown_text import BARE_URL, LINK, plain_line

TOKEN = re.compile(r"\.?[^\W_][\w+#]*(?:\.[^\W_][\w+#]*)*")
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n")
SECTION = re.compile(
    r"stack|tech|technolog|tools|languages|skills|requirements|qualifications|must.have|"
    r"nice.to.have|what you.ll (need|bring)|стек|технолог|требован|навык|requisitos|tecnolog|"
    r"herramientas|ferramentas|habilidades|competências|anforderungen|compétences",
    re.IGNORECASE,
)
AFTER_CUES = frozenset(
    (
        "developer developers engineer engineers engineering programming language languages code "
        "codebase experience expertise skills sdk apps app applications services backend "
        "ecosystem lang based proficiency knowledge stack framework library libraries development "
        "dev devs разработчик разработка опыт desarrollador experiencia desenvolvedor experiência "
    ).split()
)
BEFORE_CUES = frozenset(["in", "with", "using", "en", "em", "на", "con", "com", "mit", "avec", "с",
                         "w", "z", "via"])
# "Go-based", "Rust-powered": a hyphenated ambiguous name is the technology only before these.
HYPHEN_CUES = AFTER_CUES | {"based", "powered", "native", "first", "heavy", "centric", "focused"}
SKILL_WORDS = re.compile(
    r"experience|proficien|knowledge|skill|fluent|familiar|written|writing|code|program|"
    r"develop|build|опыт|знание|experiencia|experiência|conhecimento|conocimiento|erfahrung|"
    r"kenntnis|expérience|maîtrise|connaissance|doświadczenie|znajomość|経験|スキル",
    re.IGNORECASE,
)
LIST_JOINERS = frozenset({
    ",", "/", "and", "or", "&", "y", "e", "и", "или", "o", "ou", "|", "+",
    "und", "oder", "et", "i", "lub", "oraz", "of", "または", "、", "や", "と",
})
NON_LATIN = re.compile(r"[\u0400-\u04ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    aliases: dict[str, str]  # folded alias -> canonical
    exact: dict[str, str]  # exact form -> canonical
    weak: frozenset[str]  # canonical names that count only where the text is about technology
    proper: frozenset[str]  # canonical names whose capitalised form mid-sentence is the name
    implies: dict[str, tuple[str, ...]]  # framework -> the language it is written in
    # first word of a multi-word alias -> the most words any alias starting with it has
    multi_lower: dict[str, int]
    multi_exact: dict[str, int]
    first_words_lower: frozenset[str]  # every word an alias can start with
    first_words_exact: frozenset[str]


@cache
def vocabulary() -> Vocabulary:
    raw = resources.files("tui.data").joinpath("stack_vocab.json").read_text("utf-8")
    technologies = json.loads(raw)["technologies"]
    aliases: dict[str, str] = {}
    exact: dict[str, str] = {}
    weak = frozenset(name for name, entry in technologies.items() if entry.get("weak"))
    proper = frozenset(name for name, entry in technologies.items() if entry.get("proper"))
    implies = {name: tuple(entry["implies"]) for name, entry in technologies.items()
               if entry.get("implies")}
    for canonical, entry in technologies.items():
        for alias in entry.get("aliases", ()):
            aliases[" ".join(alias.lower().split())] = canonical
        for form in entry.get("exact", ()):
            exact[" ".join(form.split())] = canonical
    multi_lower: dict[str, int] = {}
    multi_exact: dict[str, int] = {}
    for names, multi in ((aliases, multi_lower), (exact, multi_exact)):
        for name in names:
            words = [t.group() for t in TOKEN.finditer(name)]
            if len(words) > 1:
                multi[words[0]] = max(multi.get(words[0], 1), len(words))
    first_lower = frozenset(t.group() for name in aliases for t in TOKEN.finditer(name)
                            if t.start() == 0)
    first_exact = frozenset(t.group() for name in exact for t in TOKEN.finditer(name)
                            if t.start() == 0)
    return Vocabulary(aliases, exact, weak, proper, implies, multi_lower, multi_exact, first_lower,
                      first_exact)


def canonical_tech(name: str) -> str:
    """The canonical name for ``name`` if the vocabulary knows it ("Golang" → "go"), else
    ``name`` lower-cased: a query for an unknown technology still means something."""
    vocab = vocabulary()
    key = " ".join(name.lower().split())
    if key in vocab.aliases:
        return vocab.aliases[key]
    for form, canonical in vocab.exact.items():
        if form.lower() == key:
            return canonical
    return key


def _gap(text: str, end: int, start: int) -> str:
    return text[end:start].strip().lower()


def _find(sentence: str, in_section: bool) -> list[str]:
    vocab = vocabulary()
    tokens = list(TOKEN.finditer(sentence))
    words = [token.group() for token in tokens]
    lower = [word.lower() for word in words]
    # Only a token that starts some name can start a match: the rest are passed
    # over without a lookup (most words of a sentence name no technology).
    starts = [i for i, (word, low) in enumerate(zip(words, lower, strict=True))
              if low in vocab.first_words_lower or word in vocab.first_words_exact]
    if not starts:
        return []

    def joined(i: int) -> bool:
        """Only spaces or hyphens between token i and token i + 1."""
        return not sentence[tokens[i].end():tokens[i + 1].start()].strip(" -\t")

    found: list[tuple[int, str, bool]] = []  # token index, canonical, ambiguous?
    clear: set[int] = set()  # every token index a plain technology name covers
    free = 0  # the first token not yet part of a match
    for index in starts:
        if index < free:
            continue
        free = index + 1
        longest = max(vocab.multi_lower.get(lower[index], 1),
                      vocab.multi_exact.get(words[index], 1))
        matched = False
        for size in range(min(longest, len(tokens) - index), 1, -1):
            if not all(joined(i) for i in range(index, index + size - 1)):
                continue
            canonical = vocab.aliases.get(" ".join(lower[index:index + size]))
            ambiguous = False
            if canonical is None:
                canonical = vocab.exact.get(" ".join(words[index:index + size]))
                ambiguous = True
            if canonical is not None:
                ambiguous = ambiguous or canonical in vocab.weak
                found.append((index, canonical, ambiguous))
                if not ambiguous:
                    clear.update(range(index, index + size))
                free = index + size
                matched = True
                break
        if matched:
            continue
        canonical = vocab.aliases.get(lower[index])
        if canonical is not None:
            found.append((index, canonical, canonical in vocab.weak))
            if canonical not in vocab.weak:
                clear.add(index)
        else:
            canonical = vocab.exact.get(words[index])
            if canonical is not None:
                found.append((index, canonical, True))
    if not found:
        return []
    skills = bool(SKILL_WORDS.search(sentence))
    result: list[str] = []
    for position, canonical, ambiguous in found:
        if canonical in vocab.weak and skills and clear:
            pass  # "Erfahrung mit Docker und CI/CD (GitLab)": a tool among the skills asked for
        elif ambiguous and not _in_context(
                sentence, tokens, position, clear, in_section, skills) and (
                canonical not in vocab.proper or not _proper_noun(sentence, tokens, position)):
            continue
        result.append(canonical)
    return result


def _in_context(
    sentence: str, tokens: list[re.Match[str]], position: int, clear: set[int],
    in_section: bool, skills: bool,
) -> bool:
    """Is the ambiguous word at ``position`` being used as a technology name?"""
    token = tokens[position]
    following = tokens[position + 1].group().lower() if position + 1 < len(tokens) else ""
    previous = tokens[position - 1].group().lower() if position > 0 else ""
    if following in AFTER_CUES or (
            sentence[token.end():token.end() + 1] == "-" and following in HYPHEN_CUES):
        return True
    if previous in BEFORE_CUES and skills:
        return True
    if token.group()[:1].isupper() and len(NON_LATIN.findall(sentence)) * 2 > len(sentence):
        return True  # a capitalised Latin name in Russian or Japanese text names a technology
    for step in (-1, 1):
        neighbour = position + step
        if neighbour in clear:
            left, right = sorted((neighbour, position))
            gap = _gap(sentence, tokens[left].end(), tokens[right].start())
            if gap in LIST_JOINERS or gap.rstrip(",") in LIST_JOINERS or gap == ", and":
                return True
        # "Python and Go", "Jest e Testing Library": one joining word between the two
        beyond = position + 2 * step
        if 0 <= neighbour < len(tokens) and beyond in clear and (
                tokens[neighbour].group().lower() in LIST_JOINERS):
            left, right = sorted((beyond, position))
            gaps = (_gap(sentence, tokens[left].end(), tokens[left + 1].start()),
                    _gap(sentence, tokens[left + 1].end(), tokens[right].start()))
            if all(gap in {"", ","} for gap in gaps):
                return True
    return in_section and (len(tokens) <= 8 or "," in sentence)


def _proper_noun(sentence: str, tokens: list[re.Match[str]], position: int) -> bool:
    """Is the capitalised word at ``position`` a name in running text: not the sentence's
    first word, not part of a hyphenated phrase ("Go-to-market"), not in a title-case line?"""
    token = tokens[position]
    if position == 0 or not token.group()[:1].isupper():
        return False
    if sentence[token.end():token.end() + 1] == "-":
        return False
    words = [t.group() for t in tokens if t.group()[:1].isalpha()]
    capitalised = sum(word[:1].isupper() for word in words)
    return capitalised * 2 <= len(words)


def detect_stack(
    body: str, *, extra: list[str] | tuple[str, ...] = (), exclude: str = ""
) -> list[str]:
    """Canonical technologies named in ``body`` (and the ``extra`` tags), most mentioned
    first. ``exclude`` drops a name that is really the company's ("Chainlink Labs")."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}

    def note(canonical: str, weight: int = 1) -> None:
        counts[canonical] += weight
        first_seen.setdefault(canonical, len(first_seen))

    vocab = vocabulary()
    for tag in extra:
        key = " ".join(str(tag).lower().split())
        canonical = vocab.aliases.get(key) or next(
            (c for form, c in vocab.exact.items() if form.lower() == key), None)
        if canonical:
            note(canonical, 3)
    in_section = False
    for line in body.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if not _may_name_tech(stripped, vocab):
            # Cheap test first: most prose lines name no technology at all. A section
            # title still has to be seen, to know which section we are in.
            if stripped[:1] in "#*_" or stripped.endswith(":"):
                text = plain_line(line)
                if _is_section_title(line, text):
                    in_section = bool(SECTION.search(text))
            continue
        text = plain_line(BARE_URL.sub(" ", LINK.sub(lambda m: m.group(1), line)))
        if not text:
            continue
        if _is_section_title(line, text):
            in_section = bool(SECTION.search(text))
            for canonical in _find(text, False):
                note(canonical)
            continue
        for sentence in SENTENCE_END.split(text):
            for canonical in _find(sentence, in_section):
                note(canonical)
    if exclude:
        counts.pop(exclude, None)
    for name in list(counts):
        for implied in vocab.implies.get(name, ()):
            if implied not in counts:
                note(implied, 0)  # after everything the posting names itself
    return sorted(counts, key=lambda name: (-counts[name], first_seen[name]))


def _may_name_tech(line: str, vocab: Vocabulary) -> bool:
    """Could ``line`` name a technology? Set lookups of its words, no per-token Python."""
    words = TOKEN.findall(line)
    if vocab.first_words_lower.intersection(word.lower() for word in words):
        return True
    return not vocab.first_words_exact.isdisjoint(words)


def _is_section_title(line: str, text: str) -> bool:
    stripped = line.strip()
    return len(text) <= 60 and (
        stripped.startswith("#")
        or (stripped.startswith(("**", "__")) and stripped.rstrip(":").endswith(("**", "__")))
        or (text.endswith(":") and len(text.split()) <= 6)
    )
