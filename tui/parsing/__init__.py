"""From a saved posting's bytes to a clean record. Pure Python: nothing here imports Textual."""

from tui.parsing.decode import SkipFile
from tui.parsing.posting import ParseResult, identity_key, parse_posting

# Bump when parsing changes what it produces: every cached posting is parsed again.
PARSER_VERSION = "2"

__all__ = ["PARSER_VERSION", "ParseResult", "SkipFile", "identity_key", "parse_posting"]
