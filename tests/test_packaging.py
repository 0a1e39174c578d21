"""A wheel holds every package and every file the app reads at run time: the styles,
the data tables and the seeds. (An editable install finds them in the checkout
whatever pyproject.toml says, so only the declaration itself can be checked here.)"""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "setuptools"]


def folder_of(package: str) -> Path:
    mapped = SETUPTOOLS.get("package-dir", {}).get(package)
    return ROOT / (mapped or package.replace(".", "/"))


def test_every_package_in_the_checkout_is_declared() -> None:
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "tui").rglob("__init__.py")
    }
    assert found <= set(SETUPTOOLS["packages"])


def test_every_file_the_app_reads_is_declared_as_package_data() -> None:
    missing = []
    for package in SETUPTOOLS["packages"]:
        patterns = SETUPTOOLS.get("package-data", {}).get(package, [])
        for path in folder_of(package).iterdir():
            if path.is_file() and path.suffix not in {".py", ".pyc"} and not any(
                    fnmatch.fnmatch(path.name, pattern) for pattern in patterns):
                missing.append(str(path.relative_to(ROOT)))
    assert missing == []


def test_the_seeds_ship_as_a_package() -> None:
    seeds = folder_of("tui.seeds")
    assert seeds == ROOT / "seeds" and len(list(seeds.glob("*.txt"))) == 5
    assert "tui.seeds" in SETUPTOOLS["packages"]
