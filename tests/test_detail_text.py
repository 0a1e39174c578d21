"""What the detail pane makes of a posting's text, without a screen."""

from __future__ import annotations

from tui.model import Posting, Tracking
from tui.preview import keep_line_breaks
from tui.ui.widgets.detail_pane import elide, header_content


def test_plain_lines_keep_their_breaks() -> None:
    assert keep_line_breaks("Senior engineer\nBerlin or remote") == (
        "Senior engineer  \nBerlin or remote")


def test_a_heading_like_line_after_a_list_is_not_taken_into_the_last_item() -> None:
    body = "- Write documentation.\nRequirements\n- Rust"
    assert keep_line_breaks(body) == "- Write documentation.  \n\nRequirements\n- Rust"


def test_a_wrapped_list_item_stays_one_item() -> None:
    body = "- We use Rust and\n  Python daily.\n- Go"
    assert keep_line_breaks(body) == "- We use Rust and  \n  Python daily.\n- Go"
    lazy = "- We use Rust and\nthen python daily.\n- Go"
    assert "\n\n" not in keep_line_breaks(lazy)


def test_fenced_code_is_left_alone() -> None:
    body = "```\n- a\nB\n```"
    assert keep_line_breaks(body) == body


def test_a_long_link_is_cut_in_the_middle_to_fit() -> None:
    url = "https://www.remotewlb.com/apply/senior-zk-rust-engineer-external"
    short = elide(url, 40)
    assert len(short) == 40 and short.startswith("https://www.remotewlb") and short.endswith(
        "external")
    assert elide(url, 100) == url
    posting = Posting(id="x", title="T", url=url)
    assert "…" in str(header_content(posting, Tracking("x"), width=50))
    assert url in str(header_content(posting, Tracking("x")))
