"""Ids stay put: the user's tracking data hangs off them."""

from tui.store.identity import Claim, derived_id, settle_ids


def settle(claims, *, by_source=None, by_hash=None, ledger=None):
    return settle_ids(
        claims,
        previous_by_source=by_source or {},
        previous_by_hash=by_hash or {},
        ledger=ledger or {},
    )


def test_ids_derive_from_the_identity_key_so_a_fresh_build_gives_them_back() -> None:
    claims = [Claim("a.md", "https://jobs.example/1", "h1"), Claim("b.md", "dev|acme", "h2")]
    first = settle(claims)
    assert first == settle(list(reversed(claims)))
    assert first["a.md"] == derived_id("https://jobs.example/1")
    assert len(first["a.md"]) == 10


def test_duplicate_keys_get_deterministic_suffixes_in_source_order() -> None:
    ids = settle([Claim("b.md", "k", "h2"), Claim("a.md", "k", "h1")])
    assert ids == {"a.md": derived_id("k"), "b.md": derived_id("k") + "-2"}


def test_an_edited_file_keeps_its_id_even_when_its_key_changes() -> None:
    ids = settle([Claim("a.md", "new title|acme", "h9")], by_source={"a.md": "old"})
    assert ids == {"a.md": "old"}


def test_a_renamed_file_takes_the_id_its_bytes_had() -> None:
    ids = settle([Claim("new.md", "title|acme", "h1")], by_hash={"h1": "old"})
    assert ids == {"new.md": "old"}


def test_a_new_file_never_takes_the_id_an_existing_file_has() -> None:
    # "a.md" is new and its key derives the id "b.md" already holds.
    taken = derived_id("k")
    ids = settle([Claim("a.md", "k", "h1"), Claim("b.md", "other", "h2")],
                 by_source={"b.md": taken})
    assert ids["b.md"] == taken
    assert ids["a.md"] == taken + "-2"


def test_a_copy_of_an_existing_file_gets_its_own_id() -> None:
    ids = settle([Claim("a.md", "k", "h1"), Claim("copy.md", "k", "h1")],
                 by_source={"a.md": derived_id("k")}, by_hash={"h1": derived_id("k")})
    assert ids["a.md"] == derived_id("k")
    assert ids["copy.md"] == derived_id("k") + "-2"


def test_the_ledger_restores_inherited_ids_after_the_cache_is_gone() -> None:
    ids = settle([Claim("a.md", "edited|acme", "h3")], ledger={"edited|acme": "old"})
    assert ids == {"a.md": "old"}
