"""Saved web pages (.html): the JobPosting JSON-LD wins, other pages give their main
content, and nothing a hostile page holds reaches the record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.library import Library
from tui.parsing import SkipFile, parse_posting

JOB = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    "title": "Staff Reliability Engineer",
    "hiringOrganization": {"@type": "Organization", "name": "Quillmere Labs"},
    "jobLocation": [
        {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Lyon",
                                       "addressRegion": "Auvergne-Rhône-Alpes",
                                       "addressCountry": "FR"}},
        {"@type": "Place", "address": {"addressLocality": "Porto",
                                       "addressCountry": {"@type": "Country",
                                                          "name": "Portugal"}}},
    ],
    "jobLocationType": "TELECOMMUTE",
    "applicantLocationRequirements": {"@type": "Country", "name": "Portugal"},
    "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
                   "value": {"@type": "QuantitativeValue", "minValue": 70000,
                             "maxValue": "90,000", "unitText": "YEAR"}},
    "datePosted": "2026-11-02T09:30:00+00:00",
    "validThrough": "2026-12-31",
    "employmentType": ["FULL_TIME", "CONTRACTOR"],
    "url": "https://careers.quillmere.example/jobs/41",
    "directApply": True,
    # Escaped once more, as some boards write it.
    "description": "&lt;p&gt;Keep our &lt;b&gt;Kubernetes&lt;/b&gt; fleet healthy.&lt;/p&gt;"
                   "&lt;ul&gt;&lt;li&gt;On call one week in six&lt;/li&gt;&lt;/ul&gt;",
}
# The visible page says other things: the JSON-LD must win over every one of them.
DECOY = """<h1>Junior Designer</h1><p>Company: Wrongco</p><p>Location: Berlin, Germany</p>
<p>Salary: $10/hour</p>"""


def page(head: str = "", body: str = "", charset: str = "utf-8") -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>Careers</title>'
            f"{head}</head><body>{body}</body></html>")


def jsonld(data: object) -> str:
    # "</" escaped as pages do, or a "</script>" inside a string would end the block.
    text = json.dumps(data).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'


def prose(count: int = 5) -> str:
    return "".join(
        f"<p>Part {n}: the payments team runs ledger service {n} and its reconciliation jobs; "
        f"you will write Rust and SQL, review designs and pair with the analysts.</p>"
        for n in range(count))


def test_jsonld_fields_win_over_what_the_page_text_says() -> None:
    graph = {"@context": "https://schema.org",
             "@graph": [{"@type": "Organization", "name": "Board"}, JOB]}
    posting = parse_posting(page(jsonld(graph), DECOY).encode(), "saved/job.html").posting
    assert posting.title == "Staff Reliability Engineer"
    assert posting.company == "Quillmere Labs"
    assert posting.locations == ("Lyon", "Auvergne-Rhône-Alpes", "France", "Porto",
                                 "Portugal", "Remote")
    assert "Europe" in posting.areas and "Germany" not in posting.areas
    assert posting.remote and posting.remote_scope == "Portugal"
    assert posting.salary == "EUR 70,000–90,000 a year"
    assert (posting.date_posted, posting.valid_through) == ("2026-11-02", "2026-12-31")
    assert posting.employment_type == "full time, contractor"
    assert posting.url == "https://careers.quillmere.example/jobs/41"
    assert "**Kubernetes**" in posting.body and "- On call one week in six" in posting.body
    assert "Wrongco" not in posting.body and "Junior Designer" not in posting.body


def test_jsonld_office_job_is_not_remote_even_if_the_page_text_says_so() -> None:
    office = {**JOB, "jobLocationType": None, "applicantLocationRequirements": None,
              "jobLocation": {"address": {"addressLocality": "Porto",
                                          "addressCountry": "PT"}}}
    body = "<p>Location: Remote, worldwide</p>"
    posting = parse_posting(page(jsonld(office), body).encode(), "job.htm").posting
    assert posting.locations == ("Porto", "Portugal")
    assert not posting.remote and posting.remote_scope == ""


def test_a_page_without_jsonld_gives_its_main_content_without_chrome() -> None:
    body = f"""<header><nav><a href="/">Home</a> <a href="/teams">Teams</a>
      <a href="/blog">Blog</a></nav></header>
    <div id="cookie-banner" class="cookie-consent">We use cookies to improve your visit.
      <button>Accept all cookies</button></div>
    <main><article><h1>Ledger Engineer</h1><p>Location: Gdańsk, Poland</p>{prose()}
      <p>Questions? <a href="https://jobs.ledgerly.example/apply/7">Apply on our site</a>
      and we answer within a week.</p></article></main>
    <footer>© 2026 Ledgerly sp. z o.o. · Privacy policy · Imprint</footer>"""
    head = '<link rel="canonical" href="https://jobs.ledgerly.example/ledger-engineer">'
    posting = parse_posting(page(head, body).encode(), "ledger.html").posting
    assert posting.title == "Ledger Engineer"
    assert posting.locations == ("Gdańsk", "Poland")
    assert set(posting.stack) >= {"rust", "sql"}
    assert "Part 4: the payments team" in posting.body
    assert "[Apply on our site](https://jobs.ledgerly.example/apply/7)" in posting.body
    for chrome in ("cookies", "Teams", "Blog", "Privacy policy", "©"):
        assert chrome not in posting.body


HOSTILE = f"""<script>document.title='SCRIPTED'</script><style>p{{color:red}}</style>
<main><h1>Ledger Engineer<script>alert('IN-TITLE')</script></h1>{prose()}
<p>Apply: <a href="javascript:alert(1)">click here</a> or
<a href="JaVaScRiPt:steal()">here</a> or <a href="data:text/html,x">there</a></p>
<iframe src="https://evil.example/frame">IFRAMED</iframe>
<form action="https://evil.example/post"><label>FORMLABEL</label><input value="FORMVALUE">
<textarea>FORMTEXT</textarea></form><p>Unclosed <b>bold <i>italic <div>and <table><td>cell
<p>Bell\x07 and escape \x1b[31mred\x1b[0m, and a \u202e reversed word.</p>"""


def test_hostile_html_is_inert() -> None:
    posting = parse_posting(page(body=HOSTILE).encode(), "hostile.html").posting
    record = json.dumps(posting.to_dict(with_body=True))
    for bad in ("SCRIPTED", "IN-TITLE", "color:red", "javascript", "JaVaScRiPt", "data:text",
                "IFRAMED", "FORMLABEL", "FORMVALUE", "FORMTEXT", "\\u001b", "\\u0007",
                "\\u202e"):
        assert bad not in record, bad
    assert "click here" in posting.body and "Part 2: the payments team" in posting.body


def test_hostile_jsonld_is_inert() -> None:
    evil = {**JOB, "title": "Engineer\x1b]52;c;cm0gLXJm\x07 <b>x</b>",
            "url": "javascript:alert(1)",
            "description": "<p>Fine text</p><script>alert('DESC')</script>"
                           "<img src=x onerror=alert(1)><a href='javascript:x()'>link</a>"}
    head = jsonld(evil) + '<script type="application/ld+json">{"@type": [[[[[' + "[" * 5000
    posting = parse_posting(page(head).encode(), "evil.html").posting
    assert posting.title.startswith("Engineer") and "\x1b" not in posting.title
    assert posting.url == "" and "DESC" not in posting.body and "javascript" not in posting.body
    assert "Fine text" in posting.body


def test_deep_nesting_is_refused_quickly_with_a_reason() -> None:
    deep = page(body="<div>" * 200_000 + prose())
    with pytest.raises(SkipFile, match="nested 200,000 elements deep"):
        parse_posting(deep.encode(), "deep.html")


@pytest.mark.parametrize(("raw", "expected"), [
    # Declares windows-1251 and is: read as declared.
    (page(body=f"<h1>Программист</h1>{prose()}", charset="windows-1251").encode("cp1251"),
     "Программист"),
    # Declares Latin-1 but was saved as UTF-8: the bytes win.
    (page(body=f"<h1>Développeur</h1>{prose()}", charset="iso-8859-1").encode(), "Développeur"),
])
def test_a_page_in_the_wrong_or_a_declared_charset_reads_right(raw: bytes,
                                                               expected: str) -> None:
    assert parse_posting(raw, "page.html").posting.title == expected


def test_a_page_without_a_posting_is_skipped_naming_the_file(tmp_path: Path) -> None:
    postings = tmp_path / "postings"
    postings.mkdir()
    (postings / "login.html").write_text(page(body="<p>Please sign in to continue.</p>"))
    (postings / "job.html").write_text(page(jsonld(JOB)))
    library = Library(postings, tmp_path / "data")
    report = library.refresh()
    assert [(s.source, s.reason.split(" (")[0]) for s in report.skipped] == [
        ("login.html", "no job posting in this web page")]
    assert [p.title for p in library.cache.postings()] == ["Staff Reliability Engineer"]
