"""The data layer knows nothing of the UI: parsing, storage, querying and the CLI
commands import no Textual, so they stay testable and fast to start."""

from __future__ import annotations

import subprocess
import sys

DATA_LAYER = (
    "tui.model", "tui.paths", "tui.cli.export", "tui.parsing", "tui.parsing.stack",
    "tui.parsing.sanitize", "tui.store.cache", "tui.store.state", "tui.store.jsonstorage",
    "tui.store.ui_state", "tui.query", "tui.catalog", "tui.cli", "tui.cli.commands",
)


def test_data_layer_imports_no_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {DATA_LAYER!r}: importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(leaked))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""
