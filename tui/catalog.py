"""The in-memory index the list, the sidebar and ``jobtui list`` filter through.

Built once from the cached postings (no bodies) and the user's tracking:
folded field values, one id set per facet value, precomputed sort orders and,
when free-text search is first needed, an inverted word index. A query then
costs set operations and one pass over the chosen sort order, not a scan of
every posting's text.
"""

from __future__ import annotations

import bisect
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, compress
from typing import overload

from tui.model import STATUSES, Posting, Tracking
from tui.parsing.gazetteer import canonical as canonical_place
from tui.parsing.stack import canonical_tech
from tui.query import Clause, Query, fold
from tui.store.collector import long_lived_allocations

REMOTE = "Remote"
SORTS: dict[str, str] = {
    "added": "date added",
    "title": "title",
    "company": "company",
    "status": "status",
    "changed": "last status change",
}
FACETS = ("loc", "stack", "status", "company")
# Sorting by status: furthest along first, then the closed ones, untracked last.
STATUS_ORDER = ("offer", "interviewing", "applied", "rejected", "withdrawn", "none")
PREFIX_MIN = 3  # words this long or longer also match as prefixes ("kube" finds kubernetes)
# loc: values shorter than this match whole names only ("us" is not inside "Russia").
LOC_SUBSTRING_MIN = 4
AREA = "area"  # FacetValue.kind of a region, country or continent that a place lies in


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str  # what a clause carries and the sidebar shows
    count: int
    kind: str = ""  # AREA for a location value only known as what places lie in


class Selection(Sequence[str]):
    """Posting ids in display order, read lazily from positions: a filter result that
    costs nothing until rows are drawn."""

    __slots__ = ("_ids", "_position", "_positions")

    def __init__(self, positions: list[int], ids: list[str], position: dict[str, int]) -> None:
        self._positions = positions
        self._ids = ids
        self._position = position

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self._ids[p] for p in self._positions[index]]
        return self._ids[self._positions[index]]

    def __iter__(self) -> Iterator[str]:
        return map(self._ids.__getitem__, self._positions)

    def __contains__(self, posting_id: object) -> bool:
        position = self._position.get(posting_id)  # type: ignore[call-overload]
        return position is not None and position in self._positions

    def index(self, posting_id: object, start: int = 0, stop: int | None = None) -> int:
        position = self._position.get(posting_id)  # type: ignore[call-overload]
        if position is None:
            raise ValueError(f"{posting_id!r} is not shown")
        return self._positions.index(position, start, len(self) if stop is None else stop)

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    __hash__ = None  # type: ignore[assignment]


class _ValueIndex:
    """One facet: each posting's values, and folded value → positions.

    Built from the raw values in one pass of plain appends; folding (case and
    accents) happens once per distinct value, not once per posting.
    """

    def __init__(self, per_posting: list[tuple[str, ...]], ints: list[int]) -> None:
        self.per_posting = per_posting
        raw: dict[str, list[int]] = {}
        for position, values in zip(ints, per_posting, strict=True):
            for value in values:
                found = raw.get(value)
                if found is None:
                    raw[value] = [position]
                else:
                    found.append(position)
        self.display: dict[str, str] = {}  # folded -> as first written
        self.fold_of: dict[str, str] = {}  # as written -> folded
        self.positions: dict[str, set[int]] = {}
        for value, positions in raw.items():
            key = fold(value)
            if not key:
                continue
            self.fold_of[value] = key
            self.display.setdefault(key, value)
            existing = self.positions.get(key)
            if existing is None:
                self.positions[key] = set(positions)
            else:
                existing.update(positions)

    def matching(self, needle: str, *, substring: bool) -> set[int]:
        key = fold(needle)
        if not substring:
            return set(self.positions.get(key, ()))
        found: set[int] = set()
        for value, positions in self.positions.items():
            if key in value:
                found |= positions
        return found

    def counts(self, scope: set[int] | frozenset[int], everything: int) -> dict[str, int]:
        """Folded value → how many postings of ``scope`` have it."""
        if len(scope) == everything:
            return {key: len(positions) for key, positions in self.positions.items()}
        raw = Counter(chain.from_iterable(map(self.per_posting.__getitem__, scope)))
        counts: dict[str, int] = {}
        for value, count in raw.items():
            key = self.fold_of.get(value)
            if key is not None:
                counts[key] = counts.get(key, 0) + count
        return counts


class Catalog:
    @long_lived_allocations()
    def __init__(self, postings: Iterable[Posting], tracking: Mapping[str, Tracking]) -> None:
        self._postings: list[Posting] = list(postings)
        # Every position is one of these int objects, in every set, order and index:
        # set lookups then hit on identity, and the objects sit together in memory.
        # (Fresh equal ints scattered over the heap made a 100k filter 4x slower.)
        ints = self._ints = list(range(len(self._postings)))
        self._position: dict[str, int] = {
            p.id: i for i, p in zip(ints, self._postings, strict=True)}
        self._tracking: dict[str, Tracking] = dict(tracking)
        remote = (REMOTE,)
        # A posting's places and every region, country and continent they lie in, so that
        # loc:germany and loc:europe find Berlin (areas come stored with each posting).
        self._locations = _ValueIndex([
            (p.locations + remote if p.remote and REMOTE not in p.locations else p.locations)
            + p.areas for p in self._postings], ints)
        self._named_places = {fold(v) for p in self._postings for v in p.locations}
        self._stack = _ValueIndex([p.stack for p in self._postings], ints)
        self._companies = _ValueIndex(
            [(p.company,) if p.company else () for p in self._postings], ints)
        self._remote: set[int] = {i for i, p in zip(ints, self._postings, strict=True) if p.remote}
        self._everything = frozenset(ints)
        self._orders: dict[str, list[int]] = {}
        self._ids: list[str] = [p.id for p in self._postings]
        # (sorted words, positions of each): replaced in one assignment, so a
        # worker thread can build it while the UI keeps filtering.
        self._text_index: tuple[list[str], list[array]] = ([], [])
        self._index_tracking()

    # -- lookups ---------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._postings)

    def __contains__(self, posting_id: object) -> bool:
        return posting_id in self._position

    def posting(self, posting_id: str) -> Posting:
        return self._postings[self._position[posting_id]]

    def tracking(self, posting_id: str) -> Tracking:
        return self._tracking.get(posting_id) or Tracking(posting_id)

    def all_tracking(self) -> dict[str, Tracking]:
        return dict(self._tracking)

    @property
    def has_statuses(self) -> bool:
        return any(positions for status, positions in self._status.items() if status != "none")

    @property
    def has_search_texts(self) -> bool:
        return bool(self._text_index[0])

    # -- tracking changes ------------------------------------------------------
    def _index_tracking(self) -> None:
        self._status: dict[str, set[int]] = {status: set() for status in STATUSES}
        self._bookmarked: set[int] = set()
        for posting_id, item in self._tracking.items():
            position = self._position.get(posting_id)
            if position is None:
                continue
            self._status[item.status].add(position)
            if item.bookmarked:
                self._bookmarked.add(position)
        self._status["none"] = set(self._everything) - set().union(
            *(positions for status, positions in self._status.items() if status != "none"))
        for sort in ("status", "changed"):
            self._orders.pop(sort, None)

    def tracked(self) -> dict[str, Tracking]:
        """Every posting's tracking as the catalog holds it."""
        return dict(self._tracking)

    def update_tracking(self, tracking: Tracking) -> None:
        self._tracking[tracking.posting_id] = tracking
        position = self._position.get(tracking.posting_id)
        if position is None:
            return
        for positions in self._status.values():
            positions.discard(position)
        self._status[tracking.status].add(position)
        if tracking.bookmarked:
            self._bookmarked.add(position)
        else:
            self._bookmarked.discard(position)
        for sort in ("status", "changed"):
            self._orders.pop(sort, None)

    # -- free text -------------------------------------------------------------
    @long_lived_allocations()
    def set_search_texts(self, texts: Iterable[tuple[str, str]]) -> None:
        """Build the inverted index from (posting id, folded words) pairs. They may come
        one shard at a time: nothing but the index is kept."""
        index: dict[str, array] = {}
        seen: set[str] = set()
        for posting_id, words in texts:
            position = self._position.get(posting_id)
            if position is None:
                continue
            seen.add(posting_id)
            for word in words.split():
                found = index.get(word)
                if found is None:
                    index[word] = found = array("I")
                found.append(position)
        for position, posting in enumerate(self._postings):
            if posting.id not in seen:  # no body words cached: still find it by title/company
                for word in fold(f"{posting.title} {posting.company}").split():
                    index.setdefault(word, array("I")).append(position)
        ordered = sorted(index)
        self._text_index = (ordered, [index[word] for word in ordered])

    def _text_matches(self, needle: str) -> set[int]:
        words = fold(needle).split()
        if not words:
            return set(self._everything)
        if not self._text_index[0]:  # no index (yet): title and company only
            return {
                position for position, posting in enumerate(self._postings)
                if all(w in fold(f"{posting.title} {posting.company}") for w in words)
            }
        result: set[int] | None = None
        for word in words:
            found = self._word_matches(word)
            result = found if result is None else result & found
            if not result:
                return set()
        return result or set()

    def _word_matches(self, word: str) -> set[int]:
        words, positions = self._text_index
        start = bisect.bisect_left(words, word)
        found: set[int] = set()
        for index in range(start, len(words)):
            candidate = words[index]
            if candidate != word and (len(word) < PREFIX_MIN or not candidate.startswith(word)):
                break
            found.update(map(self._ints.__getitem__, positions[index]))
        return found

    # -- filtering -------------------------------------------------------------
    def _clause_matches(self, clause: Clause) -> set[int]:
        name, value = clause.field, clause.value
        if name == "loc":
            return self._location_matches(value)
        if name == "company":
            return self._companies.matching(value, substring=True)
        if name == "stack":
            return self._stack.matching(canonical_tech(value), substring=False)
        if name == "status":
            return set(self._status.get(value, ()))
        if name == "is":
            return set({"remote": self._remote, "bookmarked": self._bookmarked}.get(value, ()))
        return self._text_matches(value)

    def _location_matches(self, value: str) -> set[int]:
        """``loc:`` at any level, in any spelling: a place, region, country or continent
        ("loc:europe" finds Berlin and "Remote (EU)"; "loc:москва" finds Moscow)."""
        key = fold(value)
        found = self._locations.matching(value, substring=len(key) >= LOC_SUBSTRING_MIN)
        if key not in self._locations.positions and (not found or len(key) < LOC_SUBSTRING_MIN):
            # Not a name as stored: resolve the spelling. This loads the place tables
            # (0.2-0.4 s, +26 MB, once), so only for a value nothing else matched.
            name = canonical_place(value.upper() if len(key) <= 3 else value)  # "uk", "eu"
            if name:
                found |= self._locations.matching(name, substring=False)
        return found

    def matching(self, query: Query) -> set[int] | frozenset[int]:
        """Positions matching ``query``: AND across fields and words, OR within a facet."""
        result: set[int] | frozenset[int] = self._everything
        alternatives: dict[str, set[int]] = {}
        for clause in query.clauses:
            if clause.negate:
                continue
            found = self._clause_matches(clause)
            if clause.field in FACETS:
                alternatives.setdefault(clause.field, set()).update(found)
            else:
                result = result & found
        for found in alternatives.values():
            result = result & found
        for clause in query.clauses:
            if clause.negate:
                result = result - self._clause_matches(clause)
        return result

    def filter(self, query: Query, sort: str = "added", *, reverse: bool = False) -> Selection:
        """Ids of the postings matching ``query``, in ``sort`` order (or its mirror image).

        The walk over the sort order runs in C (``compress``/``map``) and ids are
        looked up only when read, so even a query matching most of 100k postings
        costs a few milliseconds.
        """
        order = self._order(sort)
        if reverse:  # a copy: 100k positions reversed in well under a millisecond
            order = order[::-1]
        if not query.clauses:
            return Selection(order, self._ids, self._position)
        matched = self.matching(query)
        return Selection(list(compress(order, map(matched.__contains__, order))), self._ids,
                         self._position)

    def facet(self, name: str, query: Query) -> list[FacetValue]:
        """Values of facet ``name`` with their counts among the postings that the *other*
        clauses select, most frequent first; values in use are always listed."""
        if name == "status":
            scope = self.matching(query.without_field("status"))
            return [FacetValue(s, len(self._status[s] & scope)) for s in STATUSES]
        scope = self.matching(query.without_field(name))
        index = {"loc": self._locations, "stack": self._stack, "company": self._companies}[name]
        counts = index.counts(scope, len(self._everything))
        for value in query.values(name):
            counts.setdefault(fold(canonical_tech(value) if name == "stack" else value), 0)
        active = {fold(canonical_tech(v) if name == "stack" else v) for v in query.values(name)}
        # Values in use first, so what is selected is always in view.
        ranked = sorted(counts.items(), key=lambda item: (item[0] not in active, -item[1], item[0]))
        if name == "loc":
            places = self._named_places | {fold(REMOTE)}
            return [FacetValue(index.display.get(key, key), count, "" if key in places else AREA)
                    for key, count in ranked]
        return [FacetValue(index.display.get(key, key), count) for key, count in ranked]

    def facet_is_counts(self, scope: set[int] | frozenset[int]) -> dict[str, int]:
        """How many of ``scope`` are remote, and bookmarked: the "Show" toggles."""
        return {"remote": len(self._remote & scope), "bookmarked": len(self._bookmarked & scope)}

    # -- sorting ---------------------------------------------------------------
    def _order(self, sort: str) -> list[int]:
        order = self._orders.get(sort)
        if order is None:
            order = self._orders[sort] = self._sorted(sort)
        return order

    def _sorted(self, sort: str) -> list[int]:
        """Positions in ``sort`` order. Stable sorts, least significant key first, with
        C-level keys (casefold), so 100k postings sort in a fraction of a second."""
        postings = self._postings
        titles = [p.title.casefold() for p in postings]
        order = sorted(self._ints, key=titles.__getitem__)
        if sort == "company":
            companies = [p.company.casefold() or "\uffff" for p in postings]
            order.sort(key=companies.__getitem__)
        elif sort == "status":
            rank = {status: i for i, status in enumerate(STATUS_ORDER)}
            statuses = [rank[self.tracking(p.id).status] for p in postings]
            order.sort(key=statuses.__getitem__)
        elif sort == "changed":
            # Newest status change first; postings never changed go last.
            stamps = [self._last_change(p.id) for p in postings]
            order.sort(key=stamps.__getitem__, reverse=True)
        elif sort == "added":
            # Newest first, then by title. "added" is the file's time to the second, so
            # a file saved today after ten others from today still comes first.
            added = [p.added for p in postings]
            order.sort(key=added.__getitem__, reverse=True)
        return order

    def _last_change(self, posting_id: str) -> str:
        item = self._tracking.get(posting_id)
        return item.history[-1].date if item is not None and item.history else ""
