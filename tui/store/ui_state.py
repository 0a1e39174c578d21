"""What the TUI restores on its next start: the last query, sort, selection, layout
and theme.

Kept in ``ui.json`` beside the user's state. It is a convenience, not user
data: a missing or unreadable file means defaults, never an error.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path

import orjson

from tui.paths import ui_state_path
from tui.store.jsonstorage import atomic_write_bytes


@dataclass(frozen=True, slots=True)
class UIState:
    query: str = ""
    sort: str = "added"
    reverse: bool = False  # the sort's mirror image
    selected: str = ""
    sidebar: bool = True
    theme: str = ""  # "" until the user picks one: Textual's default
    # Issue 12's settings: the list's follow-up columns, and after how many days without
    # a status change an open application is due a follow-up (edit ui.json to change).
    follow_up_columns: bool = False
    follow_up_days: int = 7


def load_ui_state(data_dir: Path) -> UIState:
    try:
        data = orjson.loads(ui_state_path(data_dir).read_bytes())
    except (OSError, ValueError):
        return UIState()
    if not isinstance(data, dict):
        return UIState()
    defaults = UIState()
    values = {}
    for item in fields(UIState):
        value = data.get(item.name, getattr(defaults, item.name))
        values[item.name] = value if isinstance(value, type(getattr(defaults, item.name))) else (
            getattr(defaults, item.name))
    return UIState(**values)


def save_ui_state(data_dir: Path, state: UIState) -> None:
    atomic_write_bytes(ui_state_path(data_dir), orjson.dumps(asdict(state)), durable=False)
