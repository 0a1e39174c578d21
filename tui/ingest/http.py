"""GET with the limits a downloader of untrusted pages needs, on the standard library.

urllib is enough for one GET at a time: requests or httpx would add a dependency for
nothing used here. Each request is bounded: http(s) only, also after a redirect; at most
``MAX_REDIRECTS`` redirects; a timeout per socket operation and a deadline for the whole
response; a size cap checked against Content-Length and again while reading. Every
failure is a :class:`FetchError` whose text names the URL and says what failed, in one line.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO
from urllib.parse import urlsplit

from tui import __version__

TIMEOUT = 15.0  # seconds a connect or a read may wait
DEADLINE = 60.0  # seconds for the whole response
MAX_REDIRECTS = 5
MAX_PAGE = 5 * 1024 * 1024  # a job page; the parser refuses files over 4 MB anyway
MAX_API = 50 * 1024 * 1024  # a whole board's JSON with every description
CHUNK = 64 * 1024
USER_AGENT = f"jobtui/{__version__} (a job seeker's terminal app; one request at a time)"


class FetchError(Exception):
    """A download that failed: ``str()`` is "URL: what failed"."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content_type: str  # "text/html", lower case, without parameters
    charset: str  # as the server declared it; "" when it did not
    body: bytes

    def text(self) -> str:
        """The body as text, in the declared charset (UTF-8 when none or unknown)."""
        try:
            return self.body.decode(self.charset or "utf-8", errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


def check_url(url: str) -> str:
    """``url`` if it is an http(s) URL with a host; raises FetchError otherwise."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        raise FetchError(url, "only http:// and https:// links can be fetched")
    return url.strip()


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
                         headers: HTTPMessage, newurl: str) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in {"http", "https"}:
            raise FetchError(req.full_url, f"redirected to a non-http(s) address ({newurl[:80]})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_LimitedRedirects())


def fetch(url: str, *, accept: str = "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.5",
          max_bytes: int = MAX_PAGE, timeout: float = TIMEOUT,
          deadline: float = DEADLINE) -> Fetched:
    url = check_url(url)
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT, "Accept": accept, "Accept-Encoding": "identity"})
    started = time.monotonic()
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(url, f"too large ({_size(int(length))}; the limit is "
                                      f"{_size(max_bytes)})")
            body = bytearray()
            while chunk := response.read(CHUNK):
                body += chunk
                if len(body) > max_bytes:
                    raise FetchError(url, f"too large (over {_size(max_bytes)})")
                if time.monotonic() - started > deadline:
                    raise FetchError(url, f"took longer than {deadline:.0f} s")
            # read(n) returns what came before the connection closed, without an error.
            if length and length.isdigit() and len(body) < int(length):
                raise http.client.IncompleteRead(bytes(body), int(length) - len(body))
            content_type = response.headers.get_content_type().lower()
            charset = response.headers.get_content_charset() or ""
            return Fetched(response.geturl(), content_type, charset, bytes(body))
    except FetchError:
        raise
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:  # urllib gave up: a loop, too many, or to file:/ftp:
            raise FetchError(url, f"redirect refused (more than {MAX_REDIRECTS}, a loop, or "
                                  f"not to http/https; HTTP {error.code})") from None
        raise FetchError(url, f"HTTP {error.code} {error.reason}".strip()) from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError):
            raise FetchError(url, f"no answer within {timeout:.0f} s") from None
        raise FetchError(url, f"cannot connect ({reason})") from None
    except TimeoutError:
        raise FetchError(url, f"no answer within {timeout:.0f} s") from None
    except http.client.IncompleteRead:
        raise FetchError(url, "the connection closed before the whole response arrived"
                         ) from None
    except (http.client.HTTPException, OSError, ValueError) as error:
        raise FetchError(url, f"{type(error).__name__}: {error}"[:200]) from None


def _size(count: int) -> str:
    return f"{count / 1_048_576:.1f} MB"
