"""Make untrusted posting text safe to store and to show in a terminal.

Runs after all other parsing (YAML escapes and HTML unescaping can create
control characters late). Removes terminal escape sequences (CSI, OSC, DCS…),
C0/C1 control characters, bidirectional overrides and invisible characters;
keeps newlines and tabs. Markup is not an issue here: displayed text is always
built as Rich ``Text``/Textual ``Content``, never parsed as markup.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

SEVEN_BIT_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS, SOS, PM, APC
)
ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS, SOS, PM, APC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x1b[ -/]*[0-~]?"  # any other escape
)
UNSAFE_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 (but tab, newline, CR) and C1
    "\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb"
    "\U000e0000-\U000e007f]"  # tag characters
)
LINE_SEPARATORS = re.compile("\r\n?|[\u2028\u2029\x85]")
# Any character one of the three substitutions below acts on (ESC and 8-bit CSI are C0/C1):
# most text has none, and one search is a third of the cost of three substitutions.
NEEDS_CLEANING = re.compile(UNSAFE_CHARACTERS.pattern[:-1] + "\r\u2028\u2029]")


def clean_text(text: str) -> str:
    """Multi-line text with every escape sequence and unsafe character removed."""
    if not NEEDS_CLEANING.search(text):
        return text
    text = LINE_SEPARATORS.sub("\n", text)
    text = ESCAPE_SEQUENCE.sub("", text)
    return UNSAFE_CHARACTERS.sub("", text)


def clean_line(text: str) -> str:
    """One line of safe text, whitespace collapsed: for titles, companies, places."""
    return " ".join(clean_text(text).split())


SHOWN_AS_ESCAPES = re.compile(UNSAFE_CHARACTERS.pattern.replace("\x0b\x0c\x0e-\x1f", "\x09-\x1f"))


def visible(text: str) -> str:
    """``text`` on one line, each unsafe character shown as an escape (``\\x1b``, ``\\u202e``).

    For names the user must recognise and find again, such as a file name:
    deleting characters there would name a file that does not exist.
    """
    return SHOWN_AS_ESCAPES.sub(lambda match: ascii(match.group())[1:-1], text)


# Whitespace, controls and everything clean_text() would remove: such a URL is refused.
ODD_IN_URL = re.compile(r"[\s\x00-\x1f]|" + UNSAFE_CHARACTERS.pattern)


@lru_cache(maxsize=4096)  # the link readers ask about the same links several times
def safe_url(url: str) -> str:
    """``url`` if it is an http(s) URL with a host and nothing odd in it, else ""."""
    url = url.strip().strip("<>")
    if not url or len(url) > 2048 or ODD_IN_URL.search(url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return ""
    return url
