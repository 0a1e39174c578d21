"""The data side knows nothing of the UI: everything outside ``tui.ui`` imports no
Textual, so parsing, storage, querying and the CLI stay testable and fast to start.

Two checks, as harlequin does: the import-linter contracts in pyproject.toml
(run by ``make test``), and here, every module found by walking the package,
imported in a fresh interpreter. This test also keeps the contracts whole: a
module missing from them, or a contract taken out, fails it.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path

import tui

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
UI = "tui.ui"
NOT_CODE = {"tui.data", "tui.seeds"}  # data files shipped as packages


def data_modules() -> list[str]:
    return sorted(
        module.name for module in pkgutil.walk_packages(tui.__path__, "tui.")
        if module.name != UI and not module.name.startswith(f"{UI}.")
        and not any(module.name == skip or module.name.startswith(f"{skip}.")
                    for skip in NOT_CODE)
    )


def top_level_rooms() -> set[str]:
    return {module.name for module in pkgutil.iter_modules(tui.__path__, "tui.")} - NOT_CODE


def contracts() -> dict[str, dict[str, object]]:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    return {contract["id"]: contract for contract in config["contracts"]}


def test_the_walk_finds_the_data_modules() -> None:
    found = data_modules()
    # A few from each room, so that a walk that finds nothing cannot pass.
    for name in ("tui.library", "tui.parsing.fields", "tui.store.cache", "tui.cli.commands",
                 "tui.query", "tui.preview", "tui.text"):
        assert name in found


def test_no_data_module_imports_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {data_modules()!r}: importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(leaked))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""


def test_the_contract_forbids_textual_to_every_room_but_the_ui() -> None:
    contract = contracts()["data-free-of-ui"]
    assert contract["type"] == "forbidden" and contract["forbidden_modules"] == ["textual"]
    assert set(contract["source_modules"]) == top_level_rooms() - {UI}  # type: ignore[arg-type]


def test_the_layers_contract_places_every_room() -> None:
    contract = contracts()["layers"]
    placed = {name.strip() for layer in contract["layers"]  # type: ignore[attr-defined]
              for name in layer.split("|")}
    assert contract["type"] == "layers" and placed == top_level_rooms()


def test_the_tuis_start_leaves_the_markdown_renderer_and_the_dialogs_for_later() -> None:
    """What the first frame does not show is imported when it is first needed: the detail
    body's Markdown (markdown-it, Pygments) with the first posting, a dialog when it opens
    (~0.05-0.1 s of imports before the first frame, measured on a 10k warm start)."""
    code = (
        "import sys, tui.cli.main, tui.ui.app\n"
        "print(','.join(sorted(m for m in ('markdown_it', 'pygments', 'tui.preview',"
        " 'textual.widgets._markdown', 'textual.widgets._text_area',"
        " 'tui.ui.screens.dialogs', 'tui.ui.screens.info', 'tui.ui.screens.pipeline',"
        " 'tui.ui.screens.history_dialog', 'tui.ui.screens.add_link') if m in sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""
