"""Bytes to text: the right encoding, mojibake repaired, unloadable files refused."""

from __future__ import annotations

import codecs
import re
from functools import cache
from typing import TYPE_CHECKING

from tui.sanitize import SEVEN_BIT_SEQUENCE

MAX_BYTES = 4 * 1024 * 1024
# Characters that UTF-8 read as Windows-1252/Latin-1 almost always produces; text
# without any is not mojibake, so ftfy's slower check is skipped.
MOJIBAKE_HINT = re.compile("[ÃÂâÅÄÆÐÑØÙÚÛÜÝÞßðñ\x80-\x9f\ufffd]")
BINARY_SAMPLE = 8192
# Control bytes that text files do not hold (counted in C: a Python loop over the sample
# was ~0.3 ms a posting).
BINARY_CONTROLS = bytes(byte for byte in range(32) if byte not in b"\t\n\r\f\x1b")

if TYPE_CHECKING:
    import ftfy


@cache
def _ftfy() -> tuple[ftfy.TextFixerConfig, object]:
    """ftfy and its settings, imported on the first text that may be mojibake: the
    import is ~0.2 s (a third of Textual's), and the app's warm start reads no file, yet
    imports this module (through the store)."""
    import ftfy
    from ftfy.badness import is_bad

    config = ftfy.TextFixerConfig(
        unescape_html=False,  # "&#91;" must stay text, not turn into markup brackets
        uncurl_quotes=False,
        fix_character_width=False,
        fix_latin_ligatures=False,
        explain=False,
    )
    return config, is_bad


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
    text = _finish(text)
    if not text.strip():
        raise SkipFile("empty file")
    return text, warnings


def _is_bad(text: str) -> bool:
    return bool(_ftfy()[1](text))  # type: ignore[operator]


def _finish(text: str) -> str:
    """Repair mojibake, but only where the text looks broken: clean text is left alone."""
    text = text.lstrip("\ufeff")
    if MOJIBAKE_HINT.search(text) and _is_bad(text):
        # ftfy deletes a lone ESC, which would leave "]52;c;…" of an escape sequence
        # as text; remove whole sequences first. (Not 8-bit CSI: 0x9b is also a byte
        # of mojibake, "Å\x9b" for "ś".)
        text = SEVEN_BIT_SEQUENCE.sub("", text)
        import ftfy

        text = ftfy.fix_text(text, _ftfy()[0])
    return text.replace("\r\n", "\n").replace("\r", "\n")
