"""An open jobtui shows what another jobtui or `jobtui mark` wrote, and a crash never
prints the posting text or notes held in local variables."""

from __future__ import annotations

from rich.console import Console

from tests.tui_helpers import SIZE, detail_text, list_rows, make_app, row_status, settle
from tui.cli import main


async def test_a_status_set_by_the_cli_shows_in_the_open_app(tmp_path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        posting_id = app.main.posting_list.highlighted
        assert posting_id is not None
        assert all(row_status(row) != "applied" for row in list_rows(app))
        app.main.check_tracking()  # what the 1.5 s poll does
        await settle(app, pilot)

        assert main(["--postings", str(app.library.postings_dir),
                     "--data-dir", str(tmp_path / "data"), "mark", posting_id, "applied"]) == 0
        app.main.check_tracking()
        await settle(app, pilot)
        assert app.main.catalog.tracking(posting_id).status == "applied"
        assert any(row_status(row) == "applied" for row in list_rows(app))
        assert "applied" in detail_text(app)


async def test_a_crash_prints_no_local_variables(tmp_path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # A local holding private text; its value never appears in this source line.
        secret_note = "last salary " + str(6 * 7 * 1000 + 1)  # noqa: F841
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            app._fatal_error()
        console = Console(record=True, width=200)
        for renderable in app._exit_renderables:
            console.print(renderable)
        printed = console.export_text()
    assert "RuntimeError" in printed and "boom" in printed
    assert "42001" not in printed
