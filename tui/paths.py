"""Where jobtui reads and writes. Every location is worked out when asked, never at import."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

DATA_DIR_ENV = "JOBTUI_DATA_DIR"
POSTINGS_ENV = "JOBTUI_POSTINGS"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder for cache.json and state.json, created if missing."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    path = Path(chosen).expanduser() if chosen else user_data_path("jobtui", appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


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


def cache_path(base: Path) -> Path:
    return base / "cache.json"


def state_path(base: Path) -> Path:
    return base / "state.json"
