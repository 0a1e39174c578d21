"""How a posting row shares its width, without a screen."""

from __future__ import annotations

import pytest

from tui.ui.widgets.row_layout import MARKERS, column_widths, fit, fit_items


@pytest.mark.parametrize("width", range(26, 220, 9))
def test_columns_fill_the_row_exactly(width: int) -> None:
    # A leading space, then the columns one space apart.
    columns = column_widths(width)
    assert sum(w for _, w in columns) + len(columns) == width


def test_the_markers_come_first_at_a_fixed_width_whatever_the_row() -> None:
    for width in (30, 60, 120):
        assert column_widths(width)[:len(MARKERS)] == MARKERS


def test_a_list_beside_sidebar_and_detail_shows_every_column() -> None:
    columns = dict(column_widths(75))  # the list at 160 columns, less its scrollbar
    assert columns["title"] >= 28  # "Senior Software Engineer, Ru…"
    # Places at their minimum: the notes mark (✎) beside the bookmark took one cell.
    assert columns["company"] >= 14 and columns["places"] >= 12 and columns["stack"] >= 10


@pytest.mark.parametrize(("width", "shown"), [
    (30, ("title",)),
    (40, ("title", "company")),
    (54, ("title", "company", "places")),
    (64, ("title", "company", "places", "stack")),
])
def test_narrow_rows_drop_stack_then_places_then_company(width: int, shown: tuple) -> None:
    columns = dict(column_widths(width))
    assert tuple(name for name in columns if name not in dict(MARKERS)) == shown
    assert columns["title"] >= 20


def test_the_title_grows_first_on_a_wide_row() -> None:
    wide = dict(column_widths(200))
    assert wide["title"] > 100 and wide["company"] == 22


@pytest.mark.parametrize(("items", "width", "expected"), [
    (["Toronto", "Berlin", "Lisbon"], 16, "Toronto +2      "),
    (["Toronto", "Berlin", "Lisbon"], 18, "Toronto, Berlin +1"),
    (["Remote", "New York"], 16, "Remote, New York"),
    (["rust"], 8, "rust    "),
    (["Ciudad de México", "Berlin"], 10, "Ciudad… +1"),
    # The count is never cut: issue 14 #1 ("kuberne… +1" for 12 technologies).
    (["kubernetes", *[f"t{n}" for n in range(11)]], 10, "kuber… +11"),
    (["typescript", "react"], 10, "typesc… +1"),
    ([], 5, "     "),
])
def test_fit_items_keeps_whole_items_and_counts_the_rest(
    items: list[str], width: int, expected: str,
) -> None:
    assert fit_items(items, width) == expected


def test_fit_cuts_with_an_ellipsis_and_folds_whitespace() -> None:
    assert fit("Senior\nEngineer", 20) == "Senior Engineer     "
    assert fit("Senior Engineer", 8) == "Senior… "  # no gap before the ellipsis
    assert fit("畢竟科技股份有限公司", 8) == "畢竟科… "
