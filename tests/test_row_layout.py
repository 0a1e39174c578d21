"""How a posting row shares its width, without a screen."""

from __future__ import annotations

import pytest

from tui.ui.widgets.row_layout import MARK_WIDTH, column_widths, fit, fit_items


@pytest.mark.parametrize("width", range(20, 220, 9))
@pytest.mark.parametrize("with_status", [False, True])
def test_columns_fill_the_row_exactly(width: int, with_status: bool) -> None:
    columns = column_widths(width, with_status=with_status)
    shown = [w for w in columns if w]
    assert MARK_WIDTH + sum(shown) + len(shown) - 1 == width


def test_a_list_beside_sidebar_and_detail_shows_every_column() -> None:
    columns = column_widths(76, with_status=False)  # the list at 160 columns
    assert columns.title >= 30  # "Senior Software Engineer, Rust"
    assert columns.company >= 14 and columns.places >= 16 and columns.stack >= 10


@pytest.mark.parametrize(("width", "shown"), [
    (30, ("title",)),
    (40, ("title", "company")),
    (52, ("title", "company", "places")),
    (62, ("title", "company", "places", "stack")),
])
def test_narrow_rows_drop_stack_then_places_then_company(width: int, shown: tuple) -> None:
    columns = column_widths(width, with_status=False)._asdict()
    assert tuple(name for name, w in columns.items() if w and name != "status") == shown
    assert columns["title"] >= 20


def test_the_title_grows_first_on_a_wide_row() -> None:
    wide = column_widths(200, with_status=True)
    assert wide.title > 100 and wide.company == 22


@pytest.mark.parametrize(("items", "width", "expected"), [
    (["Toronto", "Berlin", "Lisbon"], 16, "Toronto +2      "),
    (["Toronto", "Berlin", "Lisbon"], 18, "Toronto, Berlin +1"),
    (["Remote", "New York"], 16, "Remote, New York"),
    (["rust"], 8, "rust    "),
    (["Ciudad de México", "Berlin"], 10, "Ciudad… +1"),
    ([], 5, "     "),
])
def test_fit_items_keeps_whole_items_and_counts_the_rest(
    items: list[str], width: int, expected: str,
) -> None:
    assert fit_items(items, width) == expected


def test_fit_cuts_with_an_ellipsis_and_folds_whitespace() -> None:
    assert fit("Senior\nEngineer", 20) == "Senior Engineer     "
    assert fit("Senior Engineer", 8) == "Senior …"
