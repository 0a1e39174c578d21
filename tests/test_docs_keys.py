"""The README's key table and the help screen list every key the app binds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.binding import Binding

from tui.ui.screens.info import KEYS
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.detail_pane import DetailPane
from tui.ui.widgets.filter_sidebar import FacetList
from tui.ui.widgets.posting_list import PostingList
from tui.ui.widgets.search_box import SearchBox

README = Path(__file__).resolve().parent.parent / "README.md"
# How the docs write a key Textual names otherwise.
NOTATION = {
    "slash": "/", "question_mark": "?", "f1": "F1", "backslash": "\\",
    "exclamation_mark": "!", "down": "↓", "up": "↑", "pagedown": "PgDn", "pageup": "PgUp",
    "home": "Home", "end": "End", "minus": "-",
}
BOUND = sorted({
    NOTATION.get(key, key)
    for owner in (MainScreen, PostingList, DetailPane, FacetList, SearchBox)
    for binding in owner.BINDINGS if isinstance(binding, Binding)
    for key in binding.key.split(",")
})


def readme_keys() -> set[str]:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Keys"):]
    section = section[:section.index("\n## ", 1)]
    return set(re.findall(r"`([^`]+)`", section))


def help_keys() -> set[str]:
    keys: set[str] = set()
    for _, rows in KEYS:
        for key, _ in rows:
            keys.update(part for part in re.split(r" / |, | ", key) if part)
    return keys


@pytest.mark.parametrize("key", BOUND)
def test_readme_documents_the_key(key: str) -> None:
    assert key in readme_keys()


@pytest.mark.parametrize("key", BOUND)
def test_help_screen_lists_the_key(key: str) -> None:
    assert key in help_keys()
