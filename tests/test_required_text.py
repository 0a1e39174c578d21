"""The text a pattern's every match must contain: the cheap test that lets the parser
skip a regex must never skip a text the regex would match."""

from __future__ import annotations

import re

import pytest

from tui.parsing.required_text import folded, holds, requirements
from tui.parsing.traps import find_traps


def may_match(pattern: str, text: str) -> bool:
    return holds(requirements(pattern), folded(text), {})


@pytest.mark.parametrize(("pattern", "text"), [
    (r"\bmention (the|this|a) (word|code)\b", "Please MENTION THE CODE"),
    (r"\bin (the|your) (e-?mail )?subject( line)?\b", "put it in your email subject"),
    (r"\berw[äa]hne(n sie)? das wort\b", "ERWÄHNEN SIE DAS WORT"),
    (r"(укажите|напишите) (в [а-яё]+ )?слово", "УКАЖИТЕ В ОТКЛИКЕ СЛОВО"),
    (r"\bsubject line\b", "the ſubject line"),  # long s: IGNORECASE takes it for "s"
    (r"\bmention\b", "MENTİON"),  # Turkish dotted capital I
    (r"\bmention\b", "mentıon"),  # and dotless i
    (r"straße", "STRAẞE"),  # capital sharp s
    (r"\bkeyword\b", "\u212aEYWORD"),  # Kelvin sign
    (r"a{2,}b+c?", "xaaabbb"),
    (r"(?P<verb>start|begin) with", "BEGIN WITH"),
])
def test_a_text_the_pattern_matches_is_never_ruled_out(pattern: str, text: str) -> None:
    assert re.search(pattern, text, re.IGNORECASE)
    assert may_match(pattern, text)


@pytest.mark.parametrize(("pattern", "text"), [
    (r"\bmention (the|this|a) (word|code)\b", "We mention our values often."),
    (r"\bin (the|your) (e-?mail )?subject( line)?\b", "Send it by mail."),
    (r"(укажите|напишите) (в [а-яё]+ )?слово", "Напишите нам"),
])
def test_a_text_without_the_words_is_ruled_out(pattern: str, text: str) -> None:
    assert not may_match(pattern, text)


@pytest.mark.parametrize("pattern", [r"(?i)mention", r"\d+", r"(a|\w+)", r"x(?=y)|.*"])
def test_what_the_reader_cannot_follow_requires_nothing(pattern: str) -> None:
    assert may_match(pattern, "")


def test_a_trap_in_turkish_capitals_is_still_found() -> None:
    assert find_traps("Lütfen başvurunuzda MENTİON THE WORD KEDİ.") == (
        "Lütfen başvurunuzda MENTİON THE WORD KEDİ.",)
