"""The seeds ship inside the package, byte for byte, so `jobtui` opens on them anywhere."""

from pathlib import Path

from tui.paths import bundled_seeds

CHECKOUT_SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_bundled_seeds_are_the_checkout_seeds_byte_for_byte() -> None:
    bundled = {path.name: path.read_bytes() for path in bundled_seeds().glob("*.txt")}
    checkout = {path.name: path.read_bytes() for path in CHECKOUT_SEEDS.glob("*.txt")}
    assert len(checkout) == 5
    assert bundled == checkout
