"""``jobtui add`` and ``jobtui import`` against a local server: files land in the folder,
nothing is ever overwritten, re-runs add only what is new, failures name the URL."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.local_http import LocalServer, Reply, running_server
from tests.test_web_pages import JOB, jsonld, page, prose
from tui.cli import main
from tui.ingest import boards


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    yield from running_server()


@pytest.fixture
def folders(tmp_path: Path, server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    for name in boards.BASES:
        monkeypatch.setenv(boards.BASES[name][0], f"{server.url}/{name}")
    (tmp_path / "postings").mkdir()
    return ["--postings", str(tmp_path / "postings"), "--data-dir", str(tmp_path / "data")]


def jobtui(folders: list[str], capsys: pytest.CaptureFixture[str],
           *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([*folders, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def files(folders: list[str], sub: str = "") -> dict[str, str]:
    root = Path(folders[1]) / sub
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(root.glob("*"))
            if p.is_file() and not p.name.startswith(".")}


# -- jobtui add ----------------------------------------------------------------------

def test_add_saves_under_a_readable_name_shows_it_and_never_overwrites(
        server: LocalServer, folders: list[str], capsys) -> None:
    url = server.serve("/jobs/41", page(jsonld(JOB), "<p>Ignored page text</p>"))
    taken = Path(folders[1]) / "quillmere-labs-staff-reliability-engineer.html"
    taken.write_text("the user's own file")
    code, out, err = jobtui(folders, capsys, "add", url)
    assert code == 0, err
    assert "Staff Reliability Engineer" in out and "Quillmere Labs" in out
    assert "Lyon" in out and "Kubernetes" in out
    assert taken.read_text() == "the user's own file"
    saved = Path(folders[1]) / "quillmere-labs-staff-reliability-engineer-2.html"
    assert saved.read_text().startswith(f"<!-- saved from url=({len(url):04d}){url} -->")
    code, _, _ = jobtui(folders, capsys, "add", url)
    assert code == 0 and set(files(folders)) == {
        taken.name, saved.name, "quillmere-labs-staff-reliability-engineer-3.html"}
    assert taken.read_text() == "the user's own file"


def test_add_a_page_without_jsonld_keeps_its_address(server: LocalServer, folders: list[str],
                                                     capsys) -> None:
    url = server.serve("/plain", page(body=f"<main><h1>Ledger Engineer</h1>{prose()}</main>"))
    code, out, _ = jobtui(folders, capsys, "add", url)
    assert code == 0 and f"url: {url}" in out and "Ledger Engineer" in out


def test_add_from_stdin_saves_markdown(folders: list[str], capsys, monkeypatch) -> None:
    pasted = "Acme Robotics | Firmware Engineer | Tallinn, Estonia\n\nWe write C and Rust.\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(pasted))
    code, out, _ = jobtui(folders, capsys, "add", "-")
    assert code == 0 and "Firmware Engineer" in out and "Tallinn" in out
    assert files(folders) == {"acme-robotics-firmware-engineer.md": pasted}


BIG = page(body="<p>" + "x" * (6 * 1024 * 1024) + "</p>")


@pytest.mark.parametrize(("path", "reply", "error"), [
    ("/gone", None, "HTTP 404"),
    ("/huge", Reply(BIG.encode()), "too large (6.0 MB; the limit is 5.0 MB)"),
    ("/loop", Reply(status=302, location="/loop"), "redirect refused"),
    ("/to-file", Reply(status=302, location="file:///etc/passwd"), "redirect refused"),
    ("/image", Reply(b"\x89PNG", content_type="image/png"), "the server sent image/png"),
    ("/login", Reply(page(body="<p>Please sign in</p>").encode()), "no job posting there"),
    ("/cut", Reply(page(jsonld(JOB)).encode(), truncate=True), "connection closed"),
])
def test_add_fails_in_one_line_naming_the_url_and_saves_nothing(
        server: LocalServer, folders: list[str], capsys, path: str, reply: Reply | None,
        error: str) -> None:
    url = server.serve(path, reply) if reply else server.url + path
    code, out, err = jobtui(folders, capsys, "add", url)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"jobtui: {url}: ") and error in err
    assert files(folders) == {}


def test_add_refuses_links_that_are_not_http(folders: list[str], capsys) -> None:
    code, _, err = jobtui(folders, capsys, "add", "javascript:alert(1)")
    assert code == 2 and "only http:// and https:// links" in err


# -- jobtui import -------------------------------------------------------------------

def hn_thread(extra: int = 0) -> bytes:
    comments = [
        {"id": 9001, "author": "ana", "created_at": "2026-11-02T15:00:00.000Z",
         "text": "Tidewell | Senior Rust Engineer | Tallinn, Estonia | ONSITE<p>We build "
                 "tide models in Rust. Apply: <a href=\"https:&#x2F;&#x2F;tidewell.example&#x2F;"
                 "jobs\">https:&#x2F;&#x2F;tidewell.example&#x2F;jobs</a>",
         "children": [{"id": 9002, "author": "bo", "text": "Is this remote?", "children": []}]},
        {"id": 9003, "author": None, "text": None, "children": []},  # deleted
        {"id": 9004, "author": "cy", "created_at": "2026-11-02T16:00:00.000Z",
         "text": "Orbitfold | Go Developer | REMOTE (EU)<p>Kubernetes operators in Go.</p>",
         "children": []},
    ]
    comments += [{"id": 9100 + n, "author": "dee", "text": f"Later Co {n} | Engineer | Oslo",
                  "children": []} for n in range(extra)]
    return json.dumps({"id": 9000, "title": "Ask HN: Who is hiring? (November 2026)",
                       "children": comments}).encode()


def greenhouse_board(extra: int = 0) -> bytes:
    jobs = [{"id": 4001 + n, "title": f"Data Engineer {n}", "company_name": "Brightmoor",
             "absolute_url": f"https://boards.greenhouse.io/brightmoor/jobs/{4001 + n}",
             "location": {"name": "Austin, Texas, United States"},
             "first_published": "2026-11-03T10:00:00-05:00",
             "departments": [{"id": 1, "name": "Data"}],
             "content": "&lt;p&gt;Build &lt;b&gt;dbt&lt;/b&gt; models in Python.&lt;/p&gt;"}
            for n in range(1 + extra)]
    jobs.insert(1, {"title": "A job with no id"})  # counted as failed, the rest still added
    return json.dumps({"jobs": jobs, "meta": {"total": len(jobs)}}).encode()


def lever_page(start: int, count: int) -> bytes:
    return json.dumps([{
        "id": f"5e1c0a2b-0000-4000-8000-{start + n:012d}", "text": f"Backend Engineer {start + n}",
        "categories": {"location": "Lisbon, Portugal", "team": "Core",
                       "commitment": "Full-time", "allLocations": ["Lisbon, Portugal"]},
        "workplaceType": "remote", "hostedUrl": f"https://jobs.lever.co/veloran/{start + n}",
        "applyUrl": f"https://jobs.lever.co/veloran/{start + n}/apply",
        "createdAt": 1793000000000,
        "description": "<div>Scala and Kafka services.</div>",
        "lists": [{"text": "You have", "content": "<li>5 years of JVM work</li>"}],
        "salaryRange": {"min": 60000, "max": 80000, "currency": "EUR",
                        "interval": "per-year-salary"},
    } for n in range(count)]).encode()


def ashby_board(extra: int = 0) -> bytes:
    jobs = [{"id": f"a5b7-{n}", "title": f"Product Designer {n}", "location": "Remote",
             "secondaryLocations": [{"location": "Toronto, Canada"}], "isRemote": True,
             "isListed": True, "employmentType": "FullTime", "department": "Design",
             "publishedAt": "2026-11-04T08:00:00.000+00:00",
             "jobUrl": f"https://jobs.ashbyhq.com/corvel/a5b7-{n}",
             "applyUrl": f"https://jobs.ashbyhq.com/corvel/a5b7-{n}/application",
             "descriptionHtml": "<p>Design in Figma for our Rust backend team.</p>",
             "compensation": {"scrapeableCompensationSalarySummary": "CA$110K - CA$130K"}}
            for n in range(1 + extra)]
    jobs.append({"id": "hidden", "title": "Unlisted", "isListed": False})
    return json.dumps({"apiVersion": "1", "jobs": jobs}).encode()


JSON = "application/json"


def serve_source(server: LocalServer, source: str, extra: int = 0) -> tuple[list[str], str]:
    """Serve ``source``'s API; returns the import's arguments and its sub-folder."""
    if source == "hn":
        server.serve("/hn/items/9000", Reply(hn_thread(extra), JSON))
        return ["hn", "https://news.ycombinator.com/item?id=9000"], "hn-9000"
    if source == "greenhouse":
        server.serve("/greenhouse/boards/brightmoor/jobs?content=true",
                     Reply(greenhouse_board(extra), JSON))
        return ["greenhouse", "brightmoor"], "greenhouse-brightmoor"
    if source == "lever":
        base = "/lever/postings/veloran?mode=json"
        server.serve(f"{base}&skip=0&limit=2", Reply(lever_page(0, 2), JSON))
        server.serve(f"{base}&skip=2&limit=2", Reply(lever_page(2, 1 + extra), JSON))
        return ["lever", "veloran"], "lever-veloran"
    server.serve("/ashby/posting-api/job-board/corvel?includeCompensation=true",
                 Reply(ashby_board(extra), JSON))
    return ["ashby", "corvel"], "ashby-corvel"


@pytest.fixture(autouse=True)
def small_lever_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(boards, "LEVER_PAGE", 2)


# (added on the first run, failed on every run, one posting's parsed fields)
EXPECTED = {
    "hn": (2, 0, {"title": "Senior Rust Engineer", "company": "Tidewell",
                  "url": "https://tidewell.example/jobs"}),  # its apply link
    "greenhouse": (1, 1, {"title": "Data Engineer 0", "company": "Brightmoor",
                          "locations": ["Austin", "Texas", "United States"],
                          "date_posted": "2026-11-03"}),
    "lever": (3, 0, {"title": "Backend Engineer 0", "remote": True,
                     "salary": "EUR 60,000–80,000 a year", "employment_type": "Full-time",
                     "url": "https://jobs.lever.co/veloran/0/apply"}),
    "ashby": (1, 0, {"title": "Product Designer 0", "company": "corvel", "remote": True,
                     "salary": "CA$110K - CA$130K", "employment_type": "full time"}),
}


@pytest.mark.parametrize("source", sorted(EXPECTED))
def test_import_writes_one_file_each_and_a_rerun_adds_only_what_is_new(
        server: LocalServer, folders: list[str], capsys, source: str) -> None:
    argv, sub = serve_source(server, source)
    added, failed, fields = EXPECTED[source]
    code, out, err = jobtui(folders, capsys, "import", *argv)
    assert code == (1 if failed else 0), err
    assert f"{sub}: {added} added, 0 already there, {failed} failed" in out
    first = files(folders, sub)
    assert len(first) == added
    code, out, _ = jobtui(folders, capsys, "list", "--json")
    records = {record["title"]: record for record in json.loads(out)}
    assert {key: records[fields["title"]][key] for key in fields} == fields
    # The user edits one file; the source then has one posting more.
    edited = Path(folders[1], sub, sorted(first)[0])
    edited.write_text("my notes\n" + first[edited.name], encoding="utf-8")
    serve_source(server, source, extra=1)
    code, out, _ = jobtui(folders, capsys, "import", *argv)
    assert f"{sub}: 1 added, {added} already there, {failed} failed" in out
    second = files(folders, sub)
    assert len(second) == added + 1
    assert second[edited.name] == "my notes\n" + first[edited.name]
    assert all(second[name] == text for name, text in first.items() if name != edited.name)


def test_hn_import_keeps_the_header_line_first_and_no_replies(
        server: LocalServer, folders: list[str], capsys) -> None:
    argv, sub = serve_source(server, "hn")
    jobtui(folders, capsys, "import", *argv)
    texts = files(folders, sub)
    assert sorted(texts) == ["9001--tidewell-senior-rust-engineer-tallinn-estonia-onsite.md",
                             "9004--orbitfold-go-developer-remote-eu.md"]
    body = texts["9001--tidewell-senior-rust-engineer-tallinn-estonia-onsite.md"]
    assert body.split("---\n")[2].lstrip().startswith(
        "Tidewell | Senior Rust Engineer | Tallinn, Estonia | ONSITE\n")
    assert "https://tidewell.example/jobs" in body and "Is this remote?" not in body


def test_lever_import_that_fails_halfway_keeps_the_first_page_and_names_the_url(
        server: LocalServer, folders: list[str], capsys) -> None:
    argv, sub = serve_source(server, "lever")
    second = "/lever/postings/veloran?mode=json&skip=2&limit=2"
    server.serve(second, Reply(b"upstream down", "text/plain", status=502))
    code, out, err = jobtui(folders, capsys, "import", *argv)
    assert code == 1 and f"{sub}: 2 added, 0 already there, 0 failed" in out
    assert f"jobtui: {server.url}{second}: HTTP 502" in err
    assert len(files(folders, sub)) == 2
    serve_source(server, "lever")  # the server is back
    code, out, _ = jobtui(folders, capsys, "import", *argv)
    assert code == 0 and f"{sub}: 1 added, 2 already there, 0 failed" in out


@pytest.mark.parametrize("source", ["hn", "greenhouse", "ashby"])
def test_an_import_cut_off_midway_names_the_url_and_writes_nothing_wrong(
        server: LocalServer, folders: list[str], capsys, source: str) -> None:
    argv, sub = serve_source(server, source)
    path = next(path for path in server.routes if path.startswith(f"/{source}/"))
    server.routes[path].truncate = True
    try:
        code, _, err = jobtui(folders, capsys, "import", *argv)
    finally:
        server.routes[path].truncate = False
    assert code == 1 and f"{server.url}{path}: the connection closed" in err
    assert files(folders, sub) == {}
    code, out, _ = jobtui(folders, capsys, "import", *argv)
    assert f"{EXPECTED[source][0]} added, 0 already there" in out
