"""The search language shared by the TUI's search box, the sidebar and ``jobtui list``.

``rust loc:"new york" -stack:java is:remote status:applied company:acme``

Free words match title, company and body; qualifiers narrow by field; a
leading ``-`` excludes; quotes keep spaces. Everything is compared folded:
case- and accent-insensitive (:func:`fold`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# fold lives below both the parser and the query (tui.text); kept importable from here.
from tui.text import fold

FIELDS = ("loc", "stack", "company", "status", "is", "salary", "level")
ALIASES = {"location": "loc", "tech": "stack", "tag": "stack", "pay": "salary",
           "seniority": "level"}
IS_VALUES = ("remote", "bookmarked")
TOKEN = re.compile(r'(-?)(?:(\w+):)?(?:"([^"]*)"?|(\S+))')


@dataclass(frozen=True, slots=True)
class Clause:
    field: str  # "text" or one of FIELDS
    value: str
    negate: bool = False

    def to_text(self) -> str:
        value = f'"{self.value}"' if (" " in self.value or not self.value) else self.value
        prefix = "-" if self.negate else ""
        return f"{prefix}{value}" if self.field == "text" else f"{prefix}{self.field}:{value}"


@dataclass(frozen=True, slots=True)
class Query:
    clauses: tuple[Clause, ...] = field(default_factory=tuple)

    def values(self, name: str) -> list[str]:
        """The values of the non-negated clauses on ``name``."""
        return [c.value for c in self.clauses if c.field == name and not c.negate]

    def has(self, clause: Clause) -> bool:
        return clause in self.clauses

    def toggled(self, clause: Clause) -> Query:
        """The query with ``clause`` removed if present, added otherwise."""
        if clause in self.clauses:
            return Query(tuple(c for c in self.clauses if c != clause))
        return Query((*self.clauses, clause))

    def without_field(self, name: str) -> Query:
        return Query(tuple(c for c in self.clauses if c.field != name))

    def to_text(self) -> str:
        return " ".join(clause.to_text() for clause in self.clauses)

    def __bool__(self) -> bool:
        return bool(self.clauses)


def parse_query(text: str) -> Query:
    """Parse the search box; never raises, unknown qualifiers are taken as words."""
    clauses: list[Clause] = []
    for match in TOKEN.finditer(text):
        negate, name, quoted, bare = match.groups()
        value = quoted if quoted is not None else bare or ""
        if name is not None:
            key = ALIASES.get(name.lower(), name.lower())
            if key not in FIELDS:
                value, key = f"{name}:{value}", "text"
        else:
            key = "text"
        value = value.strip()
        if not value or (key == "text" and not fold(value)):
            continue
        if key in {"status", "is", "level", "salary"}:
            value = value.lower()
        clauses.append(Clause(key, value, bool(negate)))
    return Query(tuple(dict.fromkeys(clauses)))
