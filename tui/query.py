"""The search language shared by the TUI's search box, the sidebar and ``jobtui list``.

``rust loc:"new york" -stack:java is:remote status:applied company:acme changed:>14d``

Free words match title, company and body; qualifiers narrow by field; a
leading ``-`` excludes; quotes keep spaces. Everything is compared folded:
case- and accent-insensitive (:func:`fold`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# fold lives below both the parser and the query (tui.text); kept importable from here.
from tui.text import fold

FIELDS = ("loc", "stack", "company", "status", "is", "changed", "applied", "salary", "level")
ALIASES = {"location": "loc", "tech": "stack", "tag": "stack", "pay": "salary",
           "seniority": "level"}
IS_VALUES = ("remote", "bookmarked", "hidden")
TOKEN = re.compile(r'(-?)(?:(\w+):)?(?:"([^"]*)"?|(\S+))')
# changed:>14d, applied:<2w, changed:>=1m: a comparison, a number and a unit.
AGE_FIELDS = ("changed", "applied")
AGE = re.compile(r"(>=|<=|>|<|=)?(\d{1,5})([dwm]?)")
UNIT_DAYS = {"": 1, "d": 1, "w": 7, "m": 30}


@dataclass(frozen=True, slots=True)
class Age:
    """An age condition in days: ``changed:>14d`` is Age(">", 14)."""

    op: str
    days: int

    def holds(self, age: int) -> bool:
        return {">": age > self.days, "<": age < self.days, ">=": age >= self.days,
                "<=": age <= self.days, "=": age == self.days}[self.op]


def parse_age(text: str) -> Age | None:
    """``>14d`` as Age(">", 14); ``2w`` alone means ">=": at least that old. None when
    ``text`` is not an age."""
    match = AGE.fullmatch(text.strip().lower())
    if match is None:
        return None
    op, number, unit = match.groups()
    return Age(op or ">=", int(number) * UNIT_DAYS[unit])


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
        if key in AGE_FIELDS and parse_age(value) is None:
            value, key = f"{name}:{value}", "text"  # not an age: taken as words
        if key in {"status", "is", "level", "salary", *AGE_FIELDS}:
            value = value.lower()
        clauses.append(Clause(key, value, bool(negate)))
    return Query(tuple(dict.fromkeys(clauses)))
