"""Real-browser test support: Debian's Chromium driven by Playwright, and a local static server.

Playwright never downloads a browser here; it drives /usr/bin/chromium. A missing Chromium is a
test failure (make test installs it), never a skip.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

CHROMIUM = "/usr/bin/chromium"
# The background-networking flags stop Chromium's own calls home, which this closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class QuietHandler(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_folder(folder: Path, headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 at a free port; yields the base URL (ending in /)."""

    class Handler(QuietHandler):
        def end_headers(self) -> None:
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            super().end_headers()

    with serve_with(Handler, folder) as url:
        yield url


@contextmanager
def serve_with(handler: type[SimpleHTTPRequestHandler], folder: Path) -> Iterator[str]:
    """Serve `folder` with `handler` on 127.0.0.1 at a free port; yields the base URL (ending in /)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def wait_until(page: Any, expression: str, seconds: float = 30) -> None:
    """Wait (bounded) until `expression` is true in the page. Playwright's wait_for_function builds
    its predicate with eval, which the site's Content-Security-Policy rightly forbids; evaluate()
    goes through the DevTools protocol instead, so this polls with it."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"still false after {seconds} s: {expression}"
        page.wait_for_timeout(50)  # the polling interval, not a timing assumption
