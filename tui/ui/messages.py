"""What the main screen's workers report back: each worker posts one of these to the
screen instead of calling into it from its thread (as toolong's ``messages.py``)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from tui.catalog import Catalog
from tui.library import BuildReport, UIState
from tui.model import Posting, Tracking

if TYPE_CHECKING:  # tui.preview imports markdown-it: not needed for the first frame
    from tui.preview import Preview


@dataclass
class LoadFailed(Message):
    """The user's tracking file cannot be read: the app stops, saying why."""

    reason: str


@dataclass
class CatalogReady(Message):
    """Postings to list: the cache on a warm start, each step of a first build, the
    refreshed cache after. ``restore`` is the last session's view, on the first only."""

    catalog: Catalog
    restore: UIState | None = None
    # Set once the screen has taken the catalog: the loading worker waits for it.
    taken: threading.Event | None = None


@dataclass
class BuildProgress(Message):
    """``done`` of ``total`` files parsed: only the newest one waiting is worth showing."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, BuildProgress)


@dataclass
class BuildDone(Message):
    report: BuildReport


@dataclass
class FacetsIndexed(Message):
    """``catalog``'s facet indexes are built: the sidebar's counts can be shown."""

    catalog: Catalog


@dataclass
class WordsIndexed(Message):
    """``catalog`` can now answer free-text searches."""

    catalog: Catalog


@dataclass
class DetailLoaded(Message):
    posting: Posting  # with its body
    preview: Preview


@dataclass
class TrackingSaved(Message):
    tracking: Tracking
    done: str  # what to tell the user; "" for nothing


@dataclass
class TrackingChanged(Message):
    """``state.json`` was written by someone else (another jobtui, ``jobtui mark``):
    every posting's tracking as it now stands."""

    tracking: dict[str, Tracking]
    hidden_companies: dict[str, str] | None = None  # folded name -> as shown


@dataclass
class ThemeRestored(Message):
    """The last session's theme, read before the postings: shown before the first list."""

    theme: str


@dataclass
class HiddenCompaniesSaved(Message):
    """A company was hidden or shown again: the hidden companies now."""

    companies: dict[str, str]
    done: str


@dataclass
class PostingAdded(Message):
    """The folder, reloaded after a link was added; ``posting_id`` is the new posting's."""

    catalog: Catalog
    posting_id: str | None
    source: str  # the new file, as the folder names it
