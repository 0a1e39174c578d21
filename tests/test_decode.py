"""Decoding's shortcuts (a byte search for the hint characters, ftfy's badness pattern
searched only near the characters it needs, ASCII lines passed over by the repair) decide
exactly as the full checks do."""

from __future__ import annotations

import ftfy
import pytest
from ftfy.badness import is_bad

from tui.parsing.decode import _fix_text, _ftfy, _is_bad, decode_bytes

CLEAN = "Wir suchen eine Entwicklerin für unser Büro in Köln — “remote” möglich, naïve café. "
BROKEN = "Weâ€™re hiring a dÃ©veloppeur in MÃ¼nchen"


@pytest.mark.parametrize("text", [
    BROKEN, "Ã ", "x Ã ", "Ã ".rjust(40), CLEAN * 6 + BROKEN, BROKEN + CLEAN * 6,
    CLEAN * 6, "señor ñandú Straße ß", "1 × ² and ÂÂ", "Â€", "вЂ¦ ok", "€" * 3,
    CLEAN + "a Â " + CLEAN, "Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©",
], ids=lambda text: text[:12])
def test_badness_near_needed_characters_is_ftfys_badness(text: str) -> None:
    assert _is_bad(text) == is_bad(text)
    for start in range(min(len(text), 48)):  # from each early offset: "^", span edges
        assert _is_bad(text[start:]) == is_bad(text[start:])
        assert _is_bad(text[:-start or None]) == is_bad(text[:-start or None])


def test_clean_accented_text_is_left_alone_and_mojibake_is_repaired() -> None:
    assert decode_bytes(CLEAN.encode())[0] == CLEAN
    assert decode_bytes("résumé\r\nLyon".encode())[0] == "résumé\nLyon"
    assert decode_bytes(BROKEN.encode())[0] == "We’re hiring a développeur in München"
    # a C1 control (UTF-8 C2 xx) left by a Windows-1252 quote is repaired as well
    assert decode_bytes("it\x92s a fit".encode())[0] == "it’s a fit"


@pytest.mark.parametrize("text", [
    BROKEN, f"plain line\n{BROKEN}\nplain again", f"{BROKEN}\r\nnext\rline\n",
    f"{BROKEN}\nbell\x07 and \x1b[31mred\x1b[0m\n\x7f\ttab\x0cfeed\n", f"\n\n{BROKEN}",
    f"{CLEAN}\n{BROKEN}\n", "it\x92s\nok\n\x00",
], ids=lambda text: repr(text[:12]))
def test_repair_passing_over_ascii_lines_is_ftfys_repair(text: str) -> None:
    assert _fix_text(text) == ftfy.fix_text(text, _ftfy()[0])
