"""Bytes to text: the right encoding, mojibake repaired, unloadable files refused."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from tui.sanitize import SEVEN_BIT_SEQUENCE

MAX_BYTES = 4 * 1024 * 1024
# Characters that UTF-8 read as Windows-1252/Latin-1 almost always produces; text
# without any is not mojibake, so ftfy's slower check is skipped.
MOJIBAKE_HINT = re.compile("[ÃÂâÅÄÆÐÑØÙÚÛÜÝÞßðñ\x80-\x9f\ufffd]")
# The UTF-8 bytes every hint starts with (U+0080-U+00FF are C2 xx or C3 xx; U+FFFD is
# EF BF BD): a file of UTF-8 holding none has no hint, found without reading it as text.
HINT_BYTES = (b"\xc2", b"\xc3", "\ufffd".encode())
BINARY_SAMPLE = 8192
# Control bytes that text files do not hold (counted in C: a Python loop over the sample
# was ~0.3 ms a posting).
BINARY_CONTROLS = bytes(byte for byte in range(32) if byte not in b"\t\n\r\f\x1b")

if TYPE_CHECKING:
    import ftfy


@cache
def _ftfy() -> tuple[ftfy.TextFixerConfig, Callable[[str], bool]]:
    """ftfy and its settings, imported on the first text that may be mojibake: the
    import is ~0.2 s (a third of Textual's), and the app's warm start reads no file, yet
    imports this module (through the store)."""
    import ftfy
    from ftfy.badness import BADNESS_RE, is_bad

    config = ftfy.TextFixerConfig(
        unescape_html=False,  # "&#91;" must stay text, not turn into markup brackets
        uncurl_quotes=False,
        fix_character_width=False,
        fix_latin_ligatures=False,
        explain=False,
    )
    return config, _near_needed_characters(BADNESS_RE) or is_bad


def _near_needed_characters(pattern: re.Pattern[str]) -> Callable[[str], bool] | None:
    """``bool(pattern.search(text))``, searched only near the characters a match needs.

    ftfy's badness pattern is ~40 alternatives of at most 7 characters, each needing one
    of a few non-ASCII characters ("Ã", "€", "│"…); tried at every position of a posting it
    cost ~1.5 ms for each posting with a hint (an "â", "ñ" or "ß" of plain text: 3% of
    real postings, 18% of generated ones). Searched only in the spans around such
    characters: ~0.15 ms. None when the
    pattern is not one this reading understands (an ftfy upgrade): then it runs whole."""
    from tui.parsing.required_text import _parser, sre  # the one reader of re's trees

    tree = _parser.parse(pattern.pattern, pattern.flags)
    shortest, longest = tree.getwidth()
    if len(tree.data) != 1 or tree.data[0][0] is not sre.BRANCH or longest > 64 or (
            not shortest):
        return None
    needed: set[str] = set()
    for alternative in tree.data[0][1][1]:
        rarest: set[str] | None = None
        for op, value in alternative:
            if op is sre.AT and value is not sre.AT_BEGINNING:
                return None  # "$", "\b": a span's end would read as the text's end
            if op not in (sre.LITERAL, sre.IN, sre.ANY, sre.MAX_REPEAT, sre.AT):
                return None  # lookarounds, groups: not read here
            found = _characters(op, value, sre)
            if found and not any(ch.isascii() for ch in found) and (
                    rarest is None or _commonness(found) < _commonness(rarest)):
                rarest = found
        if rarest is None:
            return None  # an alternative that needs no such character
        needed |= rarest
    for op, value in (item for alternative in tree.data[0][1][1] for item in alternative):
        if op is sre.MAX_REPEAT and not all(
                inner in (sre.LITERAL, sre.IN, sre.ANY) for inner, _ in value[2]):
            return None
    cues = re.compile("[" + "".join(re.escape(ch) for ch in sorted(needed)) + "]")

    def search(text: str) -> bool:
        # A match holds a needed character at i, so it lies in [i - longest + 1, i + longest):
        # those windows, overlapping ones merged, are searched (``^`` still only matches
        # at the text's start: ``pos`` is not a start of text for re).
        start = end = -1
        for cue in cues.finditer(text):
            at = cue.start()
            if at - longest + 1 > end:
                if end >= 0 and pattern.search(text, start, end):
                    return True
                start = max(0, at - longest + 1)
            end = at + longest
        return end >= 0 and pattern.search(text, start, end) is not None

    return search


def _commonness(chars: set[str]) -> tuple[int, int]:
    """How often text holds one of ``chars``, roughly: small letters of an alphabet ("é",
    "ñ", "в") and punctuation ("’", "“", "•") are everywhere in the postings of many
    languages, capitals rarely, signs ("¤", "€", "│") seldom. Any choice of a class per
    alternative finds every match; the rarest one leaves fewest spans to search. (By
    class size alone, "[ßà-ñ…][À-Ñ…]" was searched around every small accented letter
    and "вЂ" around every "в": ~0.85 ms for a 5 kB Portuguese posting.)"""
    return sum(_character_weight(char) for char in chars), len(chars)


def _character_weight(char: str) -> int:
    name = unicodedata.name(char, "")
    if "SMALL LETTER" in name or unicodedata.category(char)[0] in "PZ" or (
            "LETTER" in name and "CAPITAL" not in name):
        return 100
    return 3 if "CAPITAL LETTER" in name else 1


def _characters(op: Any, value: Any, sre: Any) -> set[str] | None:
    """The characters one LITERAL or IN item matches (None for anything else)."""
    from tui.parsing.required_text import class_characters

    if op is sre.LITERAL:
        return {chr(value)}
    return class_characters(value) if op is sre.IN else None


class SkipFile(Exception):
    """This file cannot be loaded; ``reason`` says why, in words for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:BINARY_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, BINARY_CONTROLS))
    return controls > len(sample) * 0.1


def decode_bytes(raw: bytes) -> tuple[str, list[str]]:
    """The file's text and any warnings; raises SkipFile for files that are not postings."""
    if len(raw) > MAX_BYTES:
        raise SkipFile(
            f"too large ({len(raw) / 1_048_576:.1f} MB; postings over "
            f"{MAX_BYTES // 1_048_576} MB are skipped)"
        )
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as error:
            raise SkipFile("not readable as UTF-16 text") from error
        return _finish(text), []
    if _looks_binary(raw):
        raise SkipFile("binary data, not text")
    warnings: list[str] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        warnings.append("not UTF-8; read as Windows-1252")
        hinted = True
    else:  # most files: settled by a byte search, not a pass of MOJIBAKE_HINT over the text
        hinted = any(hint in raw for hint in HINT_BYTES)
    text = _finish(text, hinted=hinted)
    if not text.strip():
        raise SkipFile("empty file")
    return text, warnings


def _fix_text(text: str) -> str:
    """``ftfy.fix_text(text, config)``, its lines of plain ASCII passed over.

    fix_text fixes each line (at most ``max_decode_length`` characters) on its own with
    ``fix_and_explain``, and that leaves a line of ASCII as it is when none of its
    characters is one ftfy changes (controls, CR, ESC: read from ftfy itself): ASCII
    cannot be mojibake, and its other fixes are of single characters, each left alone.
    A posting with mojibake is mostly ASCII lines: each cost ~80 us in ftfy (fix_text
    was ~70 % of decoding the generated postings, 16 of 300 of which hold mojibake)."""
    import ftfy

    config = _ftfy()[0]
    changed = _ascii_ftfy_changes()
    out: list[str] = []
    position = 0
    while position < len(text):
        end = text.find("\n", position) + 1 or len(text)
        end = min(end, position + config.max_decode_length)
        line = text[position:end]
        out.append(line if line.isascii() and not changed.search(line)
                   else ftfy.fix_and_explain(line, config).text)
        position = end
    return "".join(out)


@cache
def _ascii_ftfy_changes() -> re.Pattern[str]:
    """The ASCII characters ftfy's fixes change on their own (as a class to search for)."""
    import ftfy

    config = _ftfy()[0]
    changed = [char for char in map(chr, range(128))
               if ftfy.fix_and_explain(f"a{char}b\n", config).text != f"a{char}b\n"]
    return re.compile("[" + "".join(map(re.escape, changed)) + "]")


def _is_bad(text: str) -> bool:
    return _ftfy()[1](text)


def _finish(text: str, *, hinted: bool = True) -> str:
    """Repair mojibake, but only where the text looks broken: clean text is left alone
    (``hinted``: the text may hold a MOJIBAKE_HINT character)."""
    text = text.lstrip("\ufeff")
    if hinted and MOJIBAKE_HINT.search(text) and _is_bad(text):
        # ftfy deletes a lone ESC, which would leave "]52;c;…" of an escape sequence
        # as text; remove whole sequences first. (Not 8-bit CSI: 0x9b is also a byte
        # of mojibake, "Å\x9b" for "ś".)
        text = SEVEN_BIT_SEQUENCE.sub("", text)
        text = _fix_text(text)
    return text.replace("\r\n", "\n").replace("\r", "\n")
