"""Where jobtui reads and writes. Every location is worked out when asked, never at import."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path, user_downloads_path

DATA_DIR_ENV = "JOBTUI_DATA_DIR"
POSTINGS_ENV = "JOBTUI_POSTINGS"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder for cache.json and state.json, created if missing."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    path = Path(chosen).expanduser() if chosen else user_data_path("jobtui", appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def screenshot_dirs(data: Path) -> list[Path]:
    """Where the palette's Screenshot may save, best first: the downloads folder
    (``~/Downloads``) when it exists, the data folder, the current directory."""
    downloads = user_downloads_path()
    return [*([downloads] if downloads.is_dir() else []), data, Path.cwd()]


def bundled_seeds() -> Path:
    """The seed postings shipped inside the package (``seeds/`` in a checkout).

    A wheel installs them as ``tui/seeds``; an editable install leaves them at the
    top of the checkout, beside the package.
    """
    package = Path(__file__).resolve().parent
    installed = package / "seeds"
    return installed if installed.is_dir() else package.parent / "seeds"


def postings_dir(override: str | os.PathLike[str] | None = None) -> Path:
    chosen = override or os.environ.get(POSTINGS_ENV)
    return Path(chosen).expanduser() if chosen else bundled_seeds()


# Every file jobtui keeps in the data folder (README: "Where your data lives").
# The user's own, never rebuilt:
def state_path(base: Path) -> Path:
    """Bookmarks, statuses and notes; its backups go in ``backups/`` beside it."""
    return base / "state.json"


def ids_path(base: Path) -> Path:
    """The posting ids a rebuild could not derive again."""
    return base / "ids.json"


def ui_state_path(base: Path) -> Path:
    """The view the TUI restores: a convenience, defaults when lost."""
    return base / "ui.json"


# The rebuildable cache:
def cache_path(base: Path) -> Path:
    return base / "cache.json"


def cache_delta_path(base: Path) -> Path:
    """The few entries changed since ``cache.json`` was written."""
    return base / "cache.delta.json"


def file_index_path(base: Path) -> Path:
    """What was seen of each file (size, mtime, hash, id)."""
    return base / "files.json"


def listing_path(base: Path) -> Path:
    """The cached postings as the list loads them fastest (see tui.store.listing)."""
    return base / "listing.bin"


def bodies_dir(base: Path) -> Path:
    """The cleaned texts and their search words, in shards."""
    return base / "bodies"
