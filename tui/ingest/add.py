"""``jobtui add``: one posting from a link, or pasted text, saved as a new file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tui.ingest.files import slug, write_new
from tui.ingest.http import FetchError, fetch
from tui.parsing import SkipFile, parse_posting

# What is saved, by the type the server declares.
SUFFIXES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt",
            "text/markdown": ".md", "text/x-markdown": ".md"}


@dataclass(frozen=True, slots=True)
class Added:
    path: Path
    source: str  # relative to the postings folder, as the cache names it
    title: str


def add_url(postings_dir: Path, url: str) -> Added:
    """Download ``url`` into the folder; raises FetchError (the page could not be had, or
    holds no posting: then nothing is saved)."""
    fetched = fetch(url)
    suffix = SUFFIXES.get(fetched.content_type)
    if suffix is None:
        raise FetchError(url, f"not a web page or text (the server sent {fetched.content_type})")
    text = fetched.text()
    if suffix == ".html":
        # As browsers mark a saved page, so the parser knows its address without JSON-LD.
        text = f"<!-- saved from url=({len(fetched.url):04d}){fetched.url} -->\n{text}"
    data = text.encode("utf-8")  # in the declared charset's place: UTF-8, which is read first
    try:
        posting = parse_posting(data, f"added{suffix}").posting
    except SkipFile as skip:
        raise FetchError(url, f"no job posting there ({skip.reason}); nothing saved") from None
    stem = slug(" ".join(part for part in (posting.company, posting.title) if part))
    return _saved(postings_dir, write_new(postings_dir, stem, suffix, data), posting.title)


def add_text(postings_dir: Path, text: str) -> Added:
    """Save a pasted posting as markdown; raises ValueError when there is nothing in it."""
    if not text.strip():
        raise ValueError("nothing to add: the pasted text is empty")
    data = text.encode("utf-8")
    try:
        posting = parse_posting(data, "pasted.md").posting
    except SkipFile as skip:
        raise ValueError(f"cannot add the pasted text: {skip.reason}") from None
    stem = slug(" ".join(part for part in (posting.company, posting.title) if part))
    return _saved(postings_dir, write_new(postings_dir, stem, ".md", data), posting.title)


def _saved(postings_dir: Path, path: Path, title: str) -> Added:
    return Added(path, path.relative_to(postings_dir).as_posix(), title)
