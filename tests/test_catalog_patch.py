"""A catalog patched with a few changed postings (what a folder watcher brings) lists,
filters, counts and groups exactly as one built from scratch."""

from __future__ import annotations

from tui.catalog import Catalog
from tui.model import Posting, Tracking
from tui.query import parse_query

QUERIES = ("", "stack:python", "stack:rust", "loc:berlin", "loc:germany", "is:remote",
           "company:acme", "level:senior", "salary:>=90k", "-salary:unknown", "status:applied",
           "-stack:go")


def _posting(number: int, **fields: object) -> Posting:
    values: dict[str, object] = {
        "id": f"{number:02d}", "title": f"Role {number:02d}", "company": f"Firm {number % 4}",
        "source": f"{number:02d}.md", "added": f"2026-11-{number + 1:02d}T10:00:00Z",
        "stack": ("python",) if number % 2 else ("go", "rust"),
        "locations": ("Berlin",) if number % 3 == 0 else ("Lisbon",),
        "areas": ("Germany", "Europe") if number % 3 == 0 else ("Portugal", "Europe"),
        "remote": number % 5 == 0, "seniority": "senior" if number % 2 else "junior",
    }
    if number % 4 == 1:
        values.update(salary_min=80_000 + number * 1000, salary_max=120_000,
                      salary_currency="USD", salary_period="year")
    values.update(fields)
    return Posting(**values)  # type: ignore[arg-type]


def _view(catalog: Catalog) -> dict[str, object]:
    """Everything the list and the sidebar show, in a form two catalogs compare by."""
    view: dict[str, object] = {"roles": catalog.roles, "len": len(catalog)}
    for text in QUERIES:
        query = parse_query(text)
        for sort in ("added", "title", "company", "status"):
            ids = list(catalog.filter(query, sort))
            view[f"{text}|{sort}"] = [catalog.posting(i).title for i in ids]
            view[f"{text}|{sort}|ids"] = sorted(ids)
        for facet in ("loc", "stack", "company", "level", "status"):
            view[f"{text}|facet:{facet}"] = catalog.facet(facet, query)
    view["groups"] = sorted(sorted(p.id for p in catalog.duplicates(i))
                            for i in (p.id for p in catalog.postings()))
    return view


def test_a_patched_catalog_is_the_catalog_built_from_its_postings() -> None:
    postings = [_posting(n) for n in range(12)]
    # Two of one role (same company and title, no body to tell them apart).
    postings[4] = _posting(4, title="Role 08", company="Firm 0")
    tracking = {"03": Tracking("03", status="applied"), "08": Tracking("08", bookmarked=True)}
    catalog = Catalog(postings, tracking)
    before = _view(catalog)

    changed = _posting(7, title="Staff Role", stack=("rust",), seniority="staff",
                       salary_min=95_000, salary_max=99_000, salary_currency="USD",
                       salary_period="year")
    new = [_posting(20, title="Role 08", company="Firm 0"),  # joins the group of 04 and 08
           _posting(21, locations=("Munich",), areas=("Germany", "Europe"), remote=True)]
    removed = ["02", "04", "11"]
    patched = catalog.patched(removed, [changed, *new])

    kept = [p for p in postings if p.id not in {"02", "04", "11", "07"}]
    fresh = Catalog([*kept, changed, *new], tracking)
    assert _view(patched) == _view(fresh)
    assert _view(catalog) == before  # the catalog patched from is left as it was
    assert patched.posting("07").title == "Staff Role" and "02" not in patched


def test_patching_twice_and_removing_the_last_posting() -> None:
    postings = [_posting(n) for n in range(6)]
    catalog = Catalog(postings, {})
    once = catalog.patched(["05", "00"], [_posting(9)])
    twice = once.patched(["09"], [_posting(0, title="Back again")])
    fresh = Catalog([*postings[1:5], _posting(0, title="Back again")], {})
    assert _view(twice) == _view(fresh)


def test_a_patch_before_the_facet_indexes_are_built_leaves_them_to_be_built() -> None:
    postings = [_posting(n) for n in range(10)]
    postings[6] = _posting(6, title="Role 03", company="Firm 3")  # one role with 03
    catalog = Catalog(postings, {"03": Tracking("03", status="applied")})
    assert not catalog.facets_indexed  # as a warm start lists it
    changed = _posting(5, title="Role 03", company="Firm 3", stack=("rust",))  # joins them
    patched = catalog.patched(["09"], [changed, _posting(12, locations=("Munich",))])
    # The deferred work stays deferred (1.5-2 s at 100k postings) ...
    assert not patched.facets_indexed and not catalog.facets_indexed
    # ... and what the patched catalog shows once it is done is what a fresh one shows.
    kept = [p for p in postings if p.id not in {"05", "09"}]
    fresh = Catalog([*kept, changed, _posting(12, locations=("Munich",))],
                    {"03": Tracking("03", status="applied")})
    assert _view(patched) == _view(fresh)


def test_an_edited_posting_that_stops_or_starts_being_remote_is_refiled() -> None:
    postings = [_posting(n) for n in range(8)]
    catalog = Catalog(postings, {})
    catalog.index_facets()  # as the app has them built once the list is painted
    edited = [_posting(5, remote=False), _posting(3, remote=True)]  # 05 was remote, 03 not
    patched = catalog.patched([], edited)
    fresh = Catalog([p for p in postings if p.id not in {"03", "05"}] + edited, {})
    assert _view(patched) == _view(fresh)
    assert set(patched.filter(parse_query("is:remote"), "added")) == {"00", "03"}
