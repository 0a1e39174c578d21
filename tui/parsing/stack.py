"""Which technologies a posting asks for, as canonical names from a vocabulary kept as data.

``tui/data/stack_vocab.json`` maps each canonical name ("go", "postgres",
"c++") to aliases matched case-insensitively ("golang", "postgresql") and to
*exact* forms for names that are also ordinary words ("Go", "Swift", "Spark"),
matched with their capitalisation and only where the text is talking about
technology: next to another technology in a list, before a word like
"developer" or "experience", after "in/with/using" in a sentence about skills,
or inside a stack/requirements section.

The vocabulary is compiled once into two regular expressions shaped as tries (shared
prefixes factored out, longest name first), one per case. They are tried only where a
name may start: one Aho-Corasick pass, in C, over the text's ASCII letter image finds
where the names' first words stand; only those few places are looked at in Python.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from ahocorasick_rs import AhoCorasick

from tui.parsing.markdown_text import BARE_URL, LINK_PARTS, plain_line

# Chinese, Japanese and Korean letters, and full-width forms: written against a Latin name
# with no space ("Zephyr用", "使用了NodeJS"), they end a word as a space would, so names
# are looked for in a copy of the text where they are spaces (offsets unchanged).
CJK = re.compile("[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]")
# A word: "python3", "node.js", ".net", "c++", "c#"; "+" between words joins two names
# ("PostgreSQL+PostGIS") and is not part of either.
TOKEN = re.compile(r"\.?[^\W_]\w*(?:\+\+|#)?(?:\.[^\W_]\w*(?:\+\+|#)?)*")
SENTENCE_BREAK = re.compile(r"[.!?;]\s")  # a literal class first: the regex engine skips fast
SECTION = re.compile(
    r"stack|tech|technolog|tools|languages|skills|requirements|qualifications|must.have|"
    r"nice.to.have|what you.ll (need|bring|use|be using|work with)|you.ll use|we use|"
    r"back.?end|front.?end|infra|database|devops|cloud|mobile|bonus|plus|"
    r"diferencia|desejáve|deseable|valorable|wünschenswert|von vorteil|atout|плюсом|"
    r"стек|технолог|требован|навык|requisitos|tecnolog|"
    r"herramientas|ferramentas|habilidades|competências|anforderungen|compétences",
    re.IGNORECASE,
)
AFTER_CUES = frozenset(
    (
        "developer developers engineer engineers engineering programming language languages code "
        "codebase experience expertise skills sdk apps app applications services backend "
        "ecosystem lang based proficiency knowledge stack framework library libraries development "
        "dev devs разработчик разработка опыт desarrollador experiencia desenvolvedor experiência "
        "frontend front fe be api apis web mobile server microservices components scripts "
        "scripting tooling sdks projects role roles position "
    ).split()
)
BEFORE_CUES = frozenset(["in", "with", "using", "en", "em", "на", "con", "com", "mit", "avec", "с",
                         "w", "z", "via", "no", "na", "im"])
# "Go-based", "Rust-powered": a hyphenated ambiguous name is the technology only before these.
HYPHEN_CUES = AFTER_CUES | {"based", "powered", "native", "first", "heavy", "centric", "focused"}
SKILL_WORDS = re.compile(
    r"experience|proficien|knowledge|skill|fluent|familiar|written|writing|code|program|"
    r"develop|build|опыт|знание|experiencia|experiência|conhecimento|conocimiento|erfahrung|"
    r"kenntnis|expérience|maîtrise|connaissance|doświadczenie|znajomość|経験|スキル",
    re.IGNORECASE,
)
# The same words searched as written in the lower-cased text: IGNORECASE makes the regex
# engine try every word at every character (~1 ms over a 4,000-character posting, against
# ~0.1 ms for this). A few letters match a letter of SKILL_WORDS under IGNORECASE without
# lower-casing into it ("ı" and "İ" for "i", "ſ" for "s", old forms of Cyrillic "о" and
# "т"): only where one stands does SKILL_WORDS itself decide (tests check the list).
SKILL_WORDS_LOWER = re.compile(SKILL_WORDS.pattern)
FOLDS_APART = re.compile("[ıİſᲂᲄᲅ]")
LIST_JOINERS = frozenset({
    ",", "/", "and", "or", "&", "y", "e", "и", "или", "o", "ou", "|", "+",
    "und", "oder", "et", "i", "lub", "oraz", "of", "または", "、", "や", "と",
})
NON_LATIN = re.compile(r"[\u0400-\u04ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Between the words of a multi-word name ("Spring Boot", "spring-boot", "React  Native").
SEPARATOR = r"[ \t\-]+"
SEPARATORS = re.compile(SEPARATOR)
# A name starts where no word or dotted name goes on before it ("asp.net" is not ".net")
# and ends where no word or ".suffix" follows ("node" is not found in "node.js"); a
# version may stick to a name of two letters or more ("PHP7", "Vue3", "C++17"), not to "C1".
NAME_START = r"(?<![\w.])"
NAME_END = r"(?:(?:(?<=[^\W\d_]{2})|(?<=[+#]))\d{1,2}(?:\.\d+)?)?(?![\w#]|\+\+|\.[^\W_])"
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
EMAIL_RUN = re.compile(r"[\w.+@-]+")  # the characters an e-mail address is made of
EMAIL_CHARS = frozenset("_.+-@")  # and letters and digits (str.isalnum is regex \w less "_")
VERSION_CHARS = "0123456789."
TOKEN_JOINS = frozenset("+#")  # what may end a word and still go on with ".net" ("C#.NET")
TITLE_MARKS = ("#", "**", "__")  # what starts a title line (or it ends with ":")
MARKED_LINE = re.compile(r"\n[ \t]*(?:#|\*\*|__)")  # a line after the first, so marked
COLON_ENDING_LINE = re.compile(r":[ \t]*$", re.MULTILINE)
CI_CONTEXT = re.compile(r"(?<![^\W_])(?:ci|ci/cd|cicd|pipelines?|continuous integration)(?![^\W_])",
                        re.IGNORECASE)
# What ends just before a clause starts: a line, a sentence, a list mark, a comma, "and".
CLAUSE_BEFORE = re.compile(r"(?:^|[\n.!?;,:(*\-]|\band|\bbut)[ \t]*$")
FILLER_WORD = re.compile(r"[^\W_][\w'’+#.]*")
# Where names can stand in a text is found in its letter image, made in C: the text is
# encoded as ASCII with one "?" for any other character (offsets kept) and every byte but
# a-z becomes a space. Wherever a name stands as a word, each of its runs ("node" and
# "js" in "node.js", "s" in "s3") is a whole run of the image.
LETTER_RUNS = bytes(byte if 0x61 <= byte <= 0x7A else 0x20 for byte in range(256))
ASCII_LETTERS = re.compile("[a-z]+")


ALIAS, EXACT, NEGATION = 0, 1, 2  # which pattern a first word leads to
# What a first word needs besides itself for one of its names to stand in a text: the
# name's other letter runs, each as " run " (a whole run of the text); () needs nothing.
Needs = tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class FirstWords:
    """The first words of names and negations, found in a text in one pass of a C
    multi-pattern matcher over its ASCII letter runs (see LETTER_RUNS)."""

    # Each first word is looked for as its letters' image between two non-letters (" go ",
    # " c   " for "c++", " node js " for "node.js"): wherever a name stands, its first
    # word's image stands there, so the tries are tried at no fewer places that matter.
    finder: AhoCorasick
    # Per image, the first words that have it: (kind, word, needs), needs None when the
    # word needs nothing more ("the" of "the graph" is taken only where "graph" stands
    # too: "the" alone stands ~9 times a posting).
    entries: tuple[tuple[tuple[int, str, Needs | None], ...], ...]
    plain: tuple[tuple[tuple[int, str], ...] | None, ...]  # per image, if no word needs more
    unlettered: tuple[tuple[int, str, Needs | None], ...]  # words with no ASCII letter ("без")

    @classmethod
    def of(cls, names_by_kind: Iterable[tuple[int, Iterable[str]]]) -> FirstWords:
        needs: dict[tuple[int, str], set[tuple[str, ...]]] = {}
        for kind, names in names_by_kind:
            for name in names:
                word = _first_word(name)
                if ASCII_LETTERS.match(name, len(word)):
                    raise ValueError(f"{name!r}: a letter goes on after its first word")
                more = set(ASCII_LETTERS.findall(name)) - set(ASCII_LETTERS.findall(word))
                needs.setdefault((kind, word), set()).add(tuple(sorted(f" {run} "
                                                                       for run in more)))
        by_image: dict[str, list[tuple[int, str, Needs | None]]] = {}
        unlettered = []
        for (kind, word), word_needs in sorted(needs.items()):
            entry = (kind, word, None if () in word_needs else tuple(sorted(word_needs)))
            image = word.encode("ascii", "replace").translate(LETTER_RUNS).decode("ascii")
            if image.strip():
                by_image.setdefault(f" {image} ", []).append(entry)
            else:
                unlettered.append(entry)
        entries = tuple(map(tuple, by_image.values()))
        plain = tuple(tuple((kind, word) for kind, word, _ in image_entries)
                      if all(needs is None for *_, needs in image_entries) else None
                      for image_entries in entries)
        return cls(AhoCorasick(list(by_image)), entries, plain, tuple(unlettered))


@dataclass(frozen=True, slots=True)
class Vocabulary:
    aliases: dict[str, str]  # folded alias -> canonical
    exact: dict[str, str]  # exact form -> canonical
    weak: frozenset[str]  # canonical names that count only where the text is about technology
    proper: frozenset[str]  # canonical names whose capitalised form mid-sentence is the name
    implies: dict[str, tuple[str, ...]]  # framework -> the language it is written in
    ci: dict[str, str]  # code host -> its CI, the only sense in which a code host is stack
    names: dict[str, str]  # every folded alias, exact form and canonical name -> canonical
    alias_pattern: re.Pattern[str]  # every alias, matched in lower-cased text
    exact_pattern: re.Pattern[str]  # every exact form, matched as written
    negation: re.Pattern[str]  # "we don't use", "no", "sem": what follows is not used
    clause_start_negations: frozenset[str]  # "No PHP", "(no Java)": only where a clause starts
    negation_filler: frozenset[str]  # words that may stand between a negation and the name
    first_words: FirstWords  # of every alias, exact form (lower-cased) and negation


def _key(name: str) -> str:
    """How a name is looked up: hyphens and runs of spaces are one space."""
    return SEPARATORS.sub(" ", name.strip())


def trie_pattern(names: Iterable[str]) -> str:
    """One alternation matching every name in ``names``, longest first, with shared
    prefixes factored out so that the regex engine never tries names one by one."""
    trie: dict[str, dict] = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [(SEPARATOR if char == " " else re.escape(char)) + emit(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = "|".join(branches)
        if "" in node:
            return f"(?:{body})?"
        return body if len(branches) == 1 else f"(?:{body})"

    return NAME_START + "(?P<name>" + emit(trie) + ")" + NAME_END


def _first_word(name: str) -> str:
    match = TOKEN.match(name)
    return match.group() if match else name


@cache
def _cjk_as_space() -> dict[int, str]:
    """A str.translate table turning every CJK letter into a space (built on first use)."""
    return dict.fromkeys(
        [*range(0x3000, 0xA000), *range(0xAC00, 0xD7B0), *range(0xFF00, 0xFFF0)], " ")


@lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern[str]:
    """``word`` where it is a whole word (a version may follow): the literal comes first,
    so the regex engine's fast search finds it; the checks on either side come after."""
    escaped = re.escape(word)
    return re.compile(rf"{escaped}(?<![\w.]{escaped})(?![^\W\d_])")


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    alternatives = sorted((re.escape(p.lower()).replace("'", "['’]").replace(r"\ ", r"\s+")
                           for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])")


@cache
def vocabulary() -> Vocabulary:
    raw = json.loads(resources.files("tui.data").joinpath("stack_vocab.json").read_text("utf-8"))
    technologies = raw["technologies"]
    aliases: dict[str, str] = {}
    exact: dict[str, str] = {}
    for canonical, entry in technologies.items():
        for alias in entry.get("aliases", ()):
            aliases[_key(alias.lower())] = canonical
        for form in entry.get("exact", ()):
            exact[_key(form)] = canonical
    names = {_key(canonical): canonical for canonical in technologies}
    names.update({form.lower(): canonical for form, canonical in exact.items()})
    names.update(aliases)
    return Vocabulary(
        aliases=aliases,
        exact=exact,
        weak=frozenset(name for name, entry in technologies.items() if entry.get("weak")),
        proper=frozenset(name for name, entry in technologies.items() if entry.get("proper")),
        implies={name: tuple(entry["implies"]) for name, entry in technologies.items()
                 if entry.get("implies")},
        ci={name: entry["ci"] for name, entry in technologies.items() if entry.get("ci")},
        names=names,
        alias_pattern=re.compile(trie_pattern(aliases)),
        exact_pattern=re.compile(trie_pattern(exact)),
        negation=_phrase_pattern(raw["negations"] + raw["clause_start_negations"]),
        clause_start_negations=frozenset(raw["clause_start_negations"]),
        negation_filler=frozenset(raw["negation_filler"]),
        first_words=FirstWords.of(((ALIAS, aliases), (EXACT, [form.lower() for form in exact]),
                                   (NEGATION, [phrase.lower() for phrase in raw["negations"]
                                               + raw["clause_start_negations"]]))),
    )


def canonical_tech(name: str) -> str:
    """The canonical name for ``name`` if the vocabulary knows it ("Golang" → "go"), else
    ``name`` lower-cased: a query for an unknown technology still means something."""
    key = _key(" ".join(name.lower().split()))
    return vocabulary().names.get(key, key)


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    canonical: str
    ambiguous: bool  # an exact form or a weak name: counts only where the text is about tech
    sentence: tuple[int, int] = (0, 0)
    title_line: bool = False
    line_start: int = 0


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
        canonical = vocab.names.get(_key(" ".join(str(tag).lower().split())))
        if canonical:
            note(vocab.ci.get(canonical, canonical), 3)
    mentions = _mentions(body, vocab)
    counts.update(mentions)  # counted in C, in the order first seen
    for canonical in dict.fromkeys(mentions):
        first_seen.setdefault(canonical, len(first_seen))
    if exclude:
        counts.pop(exclude, None)
    for name in list(counts):
        for implied in vocab.implies.get(name, ()):
            if implied not in counts:
                note(implied, 0)  # after everything the posting names itself
    return sorted(counts, key=lambda name: (-counts[name], first_seen[name]))


def _lower(text: str) -> str:
    """``text`` lower-cased with every offset kept: "İ", the one letter whose lower case is
    two characters long, stays as it is (lower-casing the pieces between, in C, not letter
    by letter in Python: ~0.3 ms a posting with an "İ" in it)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    if "Σ" in text:  # its lower case depends on the letters around it: letter by letter
        return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return "İ".join(piece.lower() for piece in text.split("İ"))


class _Words:
    """The words of a (lower-cased) text, as far as finding names needs them."""

    def __init__(self, low: str, vocab: Vocabulary, unsearched_low: str) -> None:
        """``low`` is the text lower-cased with CJK letters as spaces; negations with no
        ASCII letter are looked for in ``unsearched_low``, the text lower-cased as it is."""
        self.low = low
        # The text's letter image: ASCII letters kept, anything else a space, one each
        # (offsets one on from the text's), made in C.
        self._letters = " " + low.encode("ascii", "replace").translate(LETTER_RUNS).decode(
            "ascii") + " "
        self._runs: dict[tuple[str, ...], bool] = {}
        self._tokens: set[str] | None = None
        self.alias_places: set[int] = set()  # where the alias trie may match
        self.exact_places: set[int] = set()  # where the exact trie may match
        self.negations: list[tuple[str, int]] = []  # a negation's first word, and where
        # One pass of the multi-pattern matcher finds every first word's image (~45 a real
        # posting, ~50 us). Splitting the text into its ~650 runs, filing the names by the
        # runs found and finding those runs again in Python made this ~1.4x dearer (0.24
        # against 0.18 ms a real posting, the loop below included).
        first_words = vocab.first_words
        entries = first_words.entries
        plain = first_words.plain
        taken: dict[int, tuple[tuple[int, str], ...]] = {}  # an image's words whose needs are met
        places = (self.alias_places, self.exact_places)
        for index, at, _ in first_words.finder.find_matches_as_indexes(self._letters,
                                                                       overlapping=True):
            words = plain[index] or taken.get(index)
            if words is None:  # once an image: "the", "a", "is" stand ~40 times a posting
                words = taken[index] = tuple((kind, word) for kind, word, needs in entries[index]
                                             if needs is None or self._any_met(needs))
            for kind, word in words:
                if kind == NEGATION:
                    self.negations.append((word, at))
                elif at and low[at - 1] in TOKEN_JOINS:
                    self._take(kind, word, at)
                else:
                    places[kind].add(at)
        for kind, word, needs in first_words.unlettered:
            text = unsearched_low if kind == NEGATION else low
            if word in text and (needs is None or self._any_met(needs)):
                for match in _word_pattern(word).finditer(text):
                    self._take(kind, word, match.start())

    def _any_met(self, needs: Needs) -> bool:
        """Do all the runs of one of ``needs`` stand in the text (each told once)?"""
        for runs in needs:
            met = self._runs.get(runs)
            if met is None:
                met = self._runs[runs] = all(run in self._letters for run in runs)
            if met:
                return True
        return False

    def _take(self, kind: int, word: str, at: int) -> None:
        """Note that ``word``, a first word of ``kind``, may stand at ``at``. Where a name
        starts in one of the text's words, that word (or it less a version) is the name's
        first word; only after "C#" or "C++" ("C#.NET": ".NET" is not a word of its own)
        is it asked whether the word stands there and is a word of the text."""
        if kind == NEGATION:
            self.negations.append((word, at))
            return
        if at and self.low[at - 1] in TOKEN_JOINS and not (
                self.stands(word, at, self.low) and word in self.tokens()):
            return
        (self.exact_places if kind == EXACT else self.alias_places).add(at)

    @staticmethod
    def stands(word: str, at: int, text: str) -> bool:
        """Does ``word`` stand at ``at`` in ``text`` as a whole word (a version may follow)?"""
        return _word_pattern(word).match(text, at) is not None

    def has(self, word: str, at: int) -> bool:
        """Is ``word``, standing at ``at``, one of the text's words (as TOKEN cuts them,
        a version cut off: "php" in "php8")? Mostly told by the word at ``at`` alone."""
        if self.low[at - 1:at] not in TOKEN_JOINS:  # a word starts at ``at``
            token = TOKEN.match(self.low, at)
            if token and word in (token.group(), token.group().rstrip(VERSION_CHARS)):
                return True
        return word in self.tokens()

    def tokens(self) -> set[str]:
        """Every word of the text, and each less its version (found on first use only)."""
        if self._tokens is None:
            self._tokens = set(TOKEN.findall(self.low))
            self._tokens.update([token.rstrip(VERSION_CHARS) for token in self._tokens
                                 if token[-1] in VERSION_CHARS])
        return self._tokens


def _hits(text: str, low: str, words: _Words, vocab: Vocabulary) -> list[_Hit]:
    """Every name in ``text``, leftmost-longest, outside link targets and e-mail addresses."""
    # The tries run only where a name's first word may stand (see FirstWords). One regex
    # pass over the whole text instead measured 2-3x slower: Python's regex engine tries a
    # large alternation at every position of the text.
    found: set[tuple[int, int, bool, str]] = set()  # start, -end: sorted leftmost-longest
    for places, pattern, names, haystack, is_exact in (
            (words.alias_places, vocab.alias_pattern, vocab.aliases, low, False),
            (words.exact_places, vocab.exact_pattern, vocab.exact, text, True)):
        for at in places:
            match = pattern.match(haystack, at)
            if match:
                name = match.group("name")
                # Keys have no "-", tab or double space: a name found as written with
                # none is its own key (no regex substitution, ~0.7 us, per match).
                canonical = names.get(name) or names[_key(name)]
                found.add((match.start(), -match.end(), is_exact, canonical))
    if not found:
        return []
    hidden = [m.span() for m in BARE_URL.finditer(text)]
    if "](" in text:  # what every markdown link has
        hidden += [m.span(2) for m in LINK_PARTS.finditer(text)]
    if "@" in text:
        hidden += _emails(text)
    hidden.sort()
    hidden_starts = [span[0] for span in hidden]
    hits: list[_Hit] = []
    free = 0
    for start, negative_end, is_exact, canonical in sorted(found):
        end = -negative_end
        if start < free:
            continue  # part of a longer name already taken ("Spring" in "Spring Boot")
        at = bisect_right(hidden_starts, start) - 1
        if at >= 0 and hidden[at][1] > start:
            continue
        hits.append(_Hit(start, end, canonical, is_exact or canonical in vocab.weak
                         or canonical in vocab.ci))
        free = end
    return hits


def _mentions(text: str, vocab: Vocabulary) -> list[str]:
    low = _lower(text)
    search_text, search_low = text, low
    if not text.isascii() and CJK.search(text):
        search_text = text.translate(_cjk_as_space())
        search_low = _lower(search_text)
    words = _Words(search_low, vocab, low)
    hits = _hits(search_text, search_low, words, vocab)
    if not hits:
        return []
    # What a name's checks need of its line, found once a line for all the line's names
    # (a generated posting has ~33 names on ~15 lines): where it ends, whether it is a
    # section title, and where its sentences end.
    lines: dict[int, tuple[int, bool, list[int]]] = {}  # by where the line starts
    for hit in hits:
        line_start = text.rfind("\n", 0, hit.start) + 1
        context = lines.get(line_start)
        if context is None:
            line_end = text.find("\n", hit.end)
            line_end = len(text) if line_end < 0 else line_end
            line = text[line_start:line_end]
            title = bool((line.lstrip()[:1] in "#*_" or line.rstrip().endswith(":"))
                         and _is_section_title(line, plain_line(line)))
            ends = [] if title else [brk.start() + 1 for brk in
                                     SENTENCE_BREAK.finditer(text, line_start, line_end)]
            context = lines[line_start] = (line_end, title, ends)
        line_end, hit.title_line, ends = context
        hit.line_start = line_start
        if hit.title_line:
            hit.sentence = (line_start, line_end)
            continue
        at = bisect_right(ends, hit.start)
        start = line_start if at == 0 else ends[at - 1]
        while at < len(ends) and ends[at] <= hit.end:
            at += 1  # a dot inside the name ("Node.js is") breaks nothing
        hit.sentence = (start, ends[at] if at < len(ends) else line_end)
    clear_sentences = {hit.sentence for hit in hits if not hit.ambiguous}
    sections: list[tuple[int, bool]] | None = None
    negation_ends: list[int] | None = None
    result: list[str] = []
    accepted: set[int] = set()  # ambiguous names taken: "AWS, Lambda, Aurora" chains along
    skill_sentences: dict[tuple[int, int], bool] = {}
    for index, hit in enumerate(hits):
        if negation_ends is None:
            negation_ends = _negation_ends(low, words, vocab)
        if _negated(low, hit, hits, vocab, negation_ends):
            continue
        if hit.canonical in vocab.ci:
            if _beside_ci(text, hit):
                result.append(vocab.ci[hit.canonical])  # "CI/CD (GitLab)": its CI
            continue  # a code host is where code lives, not what it is written in
        if hit.ambiguous:
            skills = skill_sentences.get(hit.sentence)
            if skills is None:  # once per sentence: its names share it
                skills = skill_sentences[hit.sentence] = _has_skill_word(text, low, hit.sentence)
            if hit.canonical in vocab.weak and skills and hit.sentence in clear_sentences:
                pass  # "experience with Docker and Figma": a tool among the skills asked for
            else:
                if sections is None:
                    sections = _sections(text)
                in_section = not hit.title_line and _in_section(sections, hit.line_start)
                if not _in_context(text, hit, hits, index, in_section, skills, accepted) and (
                        hit.canonical not in vocab.proper or not _proper_noun(text, hit)):
                    continue
        accepted.add(index)
        result.append(hit.canonical)
    return result


def _has_skill_word(text: str, low: str, span: tuple[int, int]) -> bool:
    """Does SKILL_WORDS match in ``text[start:end]`` (``low`` is ``text`` lower-cased)?"""
    start, end = span
    if SKILL_WORDS_LOWER.search(low, start, end):
        return True
    return bool(FOLDS_APART.search(low, start, end) and SKILL_WORDS.search(text, start, end))


def _beside_ci(text: str, hit: _Hit) -> bool:
    """Is the code host named with CI, not as another list item: "CI/CD (GitLab)",
    "GitLab CI/CD", "CI na GitLab" yes; "Docker, CI/CD, GitHub" no."""
    start, end = hit.sentence
    for ci in CI_CONTEXT.finditer(text, start, end):
        gap = text[ci.end():hit.start] if ci.end() <= hit.start else text[hit.end:ci.start()]
        if len(gap) <= 20 and not any(mark in gap for mark in ",;"):
            return True
    return False


def _negation_ends(low: str, words: _Words, vocab: Vocabulary) -> list[int]:
    """Where each negation in the text ends, in order: found like names, where the
    negations' first words may stand (a regex pass over the text costs 3x more)."""
    ends = []
    for word, at in words.negations:
        cue = vocab.negation.match(low, at)
        if cue is None or not words.stands(word, at, low):
            continue
        if cue.group() in vocab.clause_start_negations and not CLAUSE_BEFORE.search(
                low, max(0, cue.start() - 8), cue.start()):
            continue  # Portuguese "no React" is "in React"; "No React" or ", no React" is not
        if not words.has(word, at):
            continue  # "no" in "no_" or "no.x", and no word "no" elsewhere
        ends.append(cue.end())
    return sorted(ends)


def _negated(low: str, hit: _Hit, hits: list[_Hit], vocab: Vocabulary,
             negation_ends: list[int]) -> bool:
    """Does the sentence say the name is *not* used: "we don't use Java", "no PHP",
    "sem PHP", "Rust, not C++", "без Java"? Only other names, list words and a few
    fillers ("any", "more") may stand between the negation and the name."""
    at = bisect_right(negation_ends, hit.start) - 1
    if at < 0 or negation_ends[at] < hit.sentence[0]:
        return False
    cue_end = negation_ends[at]
    gap = low[cue_end:hit.start]
    if ":" in gap:
        return False  # "not required: Terraform" labels what follows; it does not negate it
    for other in hits:
        if cue_end <= other.start and other.end <= hit.start:
            gap = gap.replace(low[other.start:other.end], " ")
    return all(word in vocab.negation_filler or word in LIST_JOINERS
               for word in FILLER_WORD.findall(gap))


def _sections(text: str) -> list[tuple[int, bool]]:
    """Where each section title starts, and whether its section lists technology."""
    # The lines that may be titles (marked at the start, or ending with a colon) are found
    # by two searches that the regex engine starts only at a newline or a colon, ~2x
    # cheaper than testing every line with str methods (a multi-line ^...$ regex, tried
    # at every character, cost 4x more).
    starts = {marked.start() + 1 for marked in MARKED_LINE.finditer(text)}
    if text.lstrip(" \t").startswith(TITLE_MARKS):
        starts.add(0)
    for colon in COLON_ENDING_LINE.finditer(text):
        starts.add(text.rfind("\n", 0, colon.start()) + 1)
    sections = []
    for start in sorted(starts):
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        plain = plain_line(line)
        if plain and _is_section_title(line, plain):
            sections.append((start, _lists_technology(plain)))
    return sections


@lru_cache(maxsize=4096)
def _lists_technology(title: str) -> bool:
    """Does a section with this title list technology? Titles repeat from posting to
    posting ("Requirements:"), and SECTION, case-insensitive, costs ~8 us a title."""
    return bool(SECTION.search(title))


def _emails(text: str) -> list[tuple[int, int]]:
    """Where EMAIL matches in ``text``, looked for only around each "@" (over the whole
    text EMAIL costs ~150 us a posting). A match lies in one run of e-mail characters and
    needs only the character before it, so it is the same within the run as in the text."""
    spans: list[tuple[int, int]] = []
    run_end = 0
    at = text.find("@")
    while at >= 0:
        if at >= run_end:
            run_start = at
            while run_start > 0 and (text[run_start - 1].isalnum()
                                     or text[run_start - 1] in EMAIL_CHARS):
                run_start -= 1
            run = EMAIL_RUN.match(text, at)
            run_end = run.end() if run else at + 1
            spans += [m.span() for m in EMAIL.finditer(text, run_start, run_end)]
        at = text.find("@", at + 1)
    return spans


def _in_section(sections: list[tuple[int, bool]], line_start: int) -> bool:
    at = bisect_right(sections, (line_start, False)) - 1
    return at >= 0 and sections[at][1]


def _gap(text: str, end: int, start: int) -> str:
    return " ".join(text[end:start].strip(" \t*_`").lower().split())


def _joined(gap: str) -> bool:
    """Is ``gap`` what stands between two items of a list: ", ", " / ", " and ", ", or "?"""
    return (gap in LIST_JOINERS or gap.rstrip(",") in LIST_JOINERS
            or gap.lstrip(", ") in LIST_JOINERS)


def _in_context(
    text: str, hit: _Hit, hits: list[_Hit], index: int, in_section: bool, skills: bool,
    accepted: set[int],
) -> bool:
    """Is the ambiguous name ``hit`` being used as a technology name?"""
    start, end = hit.sentence
    sentence = text[start:end]
    following = TOKEN.search(text, hit.end, end)
    following_word = following.group().lower() if following else ""
    if following_word in AFTER_CUES or (
            text[hit.end:hit.end + 1] == "-" and following_word in HYPHEN_CUES):
        return True
    before = TOKEN.findall(text, start, hit.start)
    if before and before[-1].lower() in BEFORE_CUES and skills:
        return True
    if text[hit.start:hit.start + 1].isupper() and len(NON_LATIN.findall(sentence)) * 2 > len(
            sentence):
        return True  # a capitalised Latin name in Russian or Japanese text names a technology
    for neighbour in (index - 1, index + 1):
        if not 0 <= neighbour < len(hits):
            continue
        other = hits[neighbour]
        if (other.ambiguous and neighbour not in accepted) or other.sentence != hit.sentence:
            continue
        left, right = sorted((other, hit), key=lambda h: h.start)
        gap = _gap(text, left.end, right.start)
        if gap != "" and _joined(gap):
            return True
    return in_section and (len(before) + len(TOKEN.findall(text, hit.start, end)) <= 8
                           or "," in sentence)


def _proper_noun(text: str, hit: _Hit) -> bool:
    """Is the capitalised name ``hit`` a name in running text: not the sentence's first
    word, not part of a hyphenated phrase ("Go-to-market"), not in a title-case line?"""
    start, end = hit.sentence
    if not TOKEN.search(text, start, hit.start) or not text[hit.start:hit.start + 1].isupper():
        return False
    if text[hit.end:hit.end + 1] == "-":
        return False
    words = [word for word in TOKEN.findall(text, start, end) if word[:1].isalpha()]
    capitalised = sum(word[:1].isupper() for word in words)
    return capitalised * 2 <= len(words)


def _is_section_title(line: str, text: str) -> bool:
    stripped = line.strip()
    return len(text) <= 60 and (
        stripped.startswith("#")
        or (stripped.startswith(("**", "__")) and stripped.rstrip(":").endswith(("**", "__")))
        or (text.endswith(":") and len(text.split()) <= 6)
    )
