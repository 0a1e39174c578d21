"""From a saved posting's bytes to a clean record. Pure Python: nothing here imports Textual.

The parser's modules (ftfy, YAML, the place table) load on first use, so that the
TUI's start and the scripted commands that only read the cache do not pay for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.parsing.decode import SkipFile
    from tui.parsing.posting import ParseResult, identity_key, parse_posting
    from tui.parsing.version import parser_version

__all__ = ["ParseResult", "SkipFile", "identity_key", "parse_posting", "parser_version"]


def __getattr__(name: str) -> Any:
    if name == "SkipFile":
        from tui.parsing.decode import SkipFile

        return SkipFile
    if name == "parser_version":
        from tui.parsing.version import parser_version

        return parser_version
    if name in {"ParseResult", "identity_key", "parse_posting"}:
        from tui.parsing import posting

        return getattr(posting, name)
    raise AttributeError(name)
