"""A cache built by another parser is never trusted: the parser's version follows its code."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tui.parsing import version


def _version_of(package: Path, monkeypatch) -> str:
    monkeypatch.setattr(version, "PACKAGE", package)
    version.parser_version.cache_clear()
    try:
        return version.parser_version()
    finally:
        version.parser_version.cache_clear()


def test_editing_a_parser_rule_or_data_table_changes_the_version(tmp_path, monkeypatch) -> None:
    copy = tmp_path / "tui"
    shutil.copytree(version.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = _version_of(copy, monkeypatch)
    assert _version_of(copy, monkeypatch) == before

    data_file = next(p for p in sorted((copy / "data").iterdir()) if p.suffix == ".json")
    data_file.write_bytes(data_file.read_bytes() + b"\n")
    after_data = _version_of(copy, monkeypatch)
    assert after_data != before

    (copy / "parsing" / "fields.py").write_text("# a rule changed\n", encoding="utf-8")
    assert _version_of(copy, monkeypatch) not in {before, after_data}


def test_every_module_the_parser_runs_is_hashed() -> None:
    """A parser module outside the hashed files would let a stale cache through."""
    probe = (
        "import sys; from pathlib import Path\n"
        "from tui.parsing import parse_posting\n"
        "from tui.paths import bundled_seeds\n"
        "for path in sorted(bundled_seeds().iterdir()):\n"
        "    if path.suffix in {'.md', '.txt'}: parse_posting(path.read_bytes(), path.name)\n"
        "print('\\n'.join(sorted(m.__file__ for n, m in list(sys.modules.items())\n"
        "    if n.startswith('tui') and getattr(m, '__file__', None))))\n"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True).stdout.split()
    hashed = {str(path) for path in version.parser_files()}
    not_hashed = [
        name for name in loaded
        if name not in hashed and not name.endswith("__init__.py")
        and Path(name).name not in {"paths.py", "version.py"}
    ]
    assert not_hashed == []
