"""The first-letter word-list matcher and the required-words test must agree with the
plain patterns they speed up: a place part, a label or a remote phrase is read the same."""

from __future__ import annotations

import re

from tui.parsing.alternation import Alternation, RequiredWords, first_letters
from tui.parsing.header_words import label_words
from tui.parsing.places import words

# Words as they start texts: lists whose alternatives begin with optional groups,
# character classes, non-ASCII and case-folded letters.
TEXTS = [
    "Remote", "REMOTE-FIRST", "remote ok", "Hybrid", "híbrido", "Hybryda", "Job Locations",
    "locations", "location(s)", "Worldwide", "Anywhere in the world", "Engineering",
    "Senior Backend Engineer", "Berlin", "office", "Büro", "удалённо", "Офис", "リモート",
    "Company name: Acme", "Empresa: Acme", "Title – Engineer", "Apply: https://a.example",
    "ſales", "\u212aelvin", "İstanbul", "ıd", "", " remote", "1remote", "_", "(remote)",
]


def _cases(text: str) -> list[str]:
    return [text, text.upper(), text.lower(), text.title(), text.swapcase()]


def test_alternation_matches_what_the_whole_pattern_matches() -> None:
    place_lists = [words()[name] for name in
                   ("remote_words", "worldwide", "other_modes", "departments", "location_labels")]
    specs = [(alternatives, "$") for alternatives in place_lists]
    specs += [(label_words("company"), r"\s*[:：]\s*(.+)$"),
              (label_words("title"), r"\s*[:：–-]\s*"), (label_words("apply"), r"\s*[:：]\s*"),
              (["(?:job\\s+)?locations?", "[a-c]x", "\\w+z"], "")]
    texts = [case for text in TEXTS for case in _cases(text)]
    for alternatives, _ in specs:  # every word of the list, as written and re-cased
        bare = [re.sub(r"[\\()?:\[\]|*+]", "", word) for word in alternatives]
        texts += [case for word in bare for case in _cases(word)]
    for alternatives, suffix in specs:
        fast = Alternation(alternatives, suffix)
        whole = re.compile(rf"^(?:{'|'.join(alternatives)}){suffix}", re.IGNORECASE)
        matched = 0
        for text in texts:
            expected, got = whole.match(text), fast.match(text)
            assert (got and (got.span(), got.groups())) == (
                expected and (expected.span(), expected.groups())), (alternatives[:3], text)
            assert fast.sub("", text) == whole.sub("", text)
            matched += expected is not None
        assert matched  # the texts do exercise the words


def test_required_words_rule_out_only_texts_without_a_match() -> None:
    phrases = words()["remote_phrases"]
    pattern = re.compile(rf"(?:{'|'.join(phrases)})", re.IGNORECASE)
    required = RequiredWords(phrases)
    texts = ["We offer a FULLY REMOTE role.", "Работаем удалённо", "Trabajo remoto en Lima",
             "Office in Lyon, five days a week.", "No mention of it at all",
             "fully rem\u017fote", "ful\u0131y remote", "Remote Work Is Possible"]
    ruled_out = 0
    for text in [case for written in texts for case in _cases(written)]:
        if not required.may_match(text):
            ruled_out += 1
            assert pattern.search(text) is None, text
        elif pattern.search(text) is None:
            assert not text.isascii() or any(word in text.lower() for word in required.words or ())
    assert ruled_out  # the test does rule texts out


def test_required_words_keep_texts_whose_letters_fold_unlike_lower_case() -> None:
    # re's IGNORECASE matches "ſ" (long s) with "s", which str.lower() keeps as "ſ"
    required = RequiredWords(["sales"])
    assert re.search("sales", "\u017fales", re.IGNORECASE)
    assert required.may_match("\u017fales")
    assert not required.may_match("marketing")


def test_first_letters_lookahead_finds_the_same_cues() -> None:
    cues = words()["location_cues"]
    plain = re.compile(rf"(?<!\w)(?:{'|'.join(cues)})(?!\w)", re.IGNORECASE)
    ahead = re.compile(rf"(?<!\w){first_letters(cues)}(?:{'|'.join(cues)})(?!\w)", re.IGNORECASE)
    text = ("The role is based in Lisbon; you may work remotely from anywhere in Europe. "
            "Офис в Минске. Escritório em Recife, relocation to Berlin, hiring in Poland, "
            "bureau à Lyon, Büro in Wien, situé à Nantes, oficina en Quito.")
    found = [m.span() for m in plain.finditer(text)]
    assert len(found) >= 8
    for case in _cases(text):
        assert [m.span() for m in ahead.finditer(case)] == [m.span() for m in plain.finditer(case)]
    assert first_letters(["a", "."]) == ""  # a cue that may start anywhere: no lookahead
