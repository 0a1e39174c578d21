"""A web server on 127.0.0.1 (a random port) that serves what a test tells it to: pages
and API answers the tests write themselves, errors, redirects and broken connections."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str = ""  # a redirect's target
    truncate: bool = False  # promise the whole body, send half, hang up


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Reply] = {}
        self.requests: list[str] = []
        handler = type("Handler", (_Handler,), {"site": self})
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def serve(self, path: str, reply: Reply | bytes | str, **options: object) -> str:
        """Serve ``reply`` at ``path`` (with its query); returns the full URL."""
        if not isinstance(reply, Reply):
            reply = Reply(reply.encode() if isinstance(reply, str) else reply, **options)  # type: ignore[arg-type]
        self.routes[path] = reply
        return self.url + path

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hangs up on a too-large page is what the test wants


class _Handler(BaseHTTPRequestHandler):
    site: LocalServer

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self.site.requests.append(self.path)
        reply = self.site.routes.get(self.path)
        if reply is None:
            self.send_error(404, "Not Found")
            return
        self.send_response(reply.status)
        if reply.location:
            self.send_header("Location", reply.location)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body[:len(reply.body) // 2] if reply.truncate else reply.body)
        if reply.truncate:
            self.close_connection = True


def running_server() -> Iterator[LocalServer]:
    server = LocalServer()
    server.thread.start()
    try:
        yield server
    finally:
        server.close()
