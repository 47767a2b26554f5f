"""How the site's files must be served, in one table: `site serve` sends these headers, and the
build writes them as a `_headers` file, which Netlify and Cloudflare Pages read.

Raw sources are untrusted bytes (docs/security.md): text is published as .txt and binary
formats under download/, so no host serves them as a page; these headers add that no browser
guesses a type (nosniff), that downloads are saved rather than opened, and that a raw copy
runs no script even if a browser did render it (a sandbox without scripts).
"""

from __future__ import annotations

import errno
import functools
import http.server
from pathlib import Path
from typing import Any

from corpusdiff.errors import CorpusError
from corpusdiff.site.common import DOWNLOADS

RAW = "raw/"
HEADERS_FILE = "_headers"
_SANDBOX = {"Content-Security-Policy": "sandbox"}

#: (path prefix in the site, headers); every rule whose prefix matches applies.
HEADER_RULES: tuple[tuple[str, dict[str, str]], ...] = (
    ("", {"X-Content-Type-Options": "nosniff"}),
    (RAW, _SANDBOX),
    (
        DOWNLOADS,
        {"Content-Type": "application/octet-stream", "Content-Disposition": "attachment"} | _SANDBOX,
    ),
)


def response_headers(page: str) -> dict[str, str]:
    """The headers a file of the site is served with (its path relative to the site)."""
    headers: dict[str, str] = {}
    for prefix, rule in HEADER_RULES:
        if page.startswith(prefix):
            headers |= rule
    return headers


def headers_file() -> str:
    """HEADER_RULES in the `_headers` syntax of Netlify and Cloudflare Pages."""
    blocks = []
    for prefix, rule in HEADER_RULES:
        lines = [f"/{prefix}*", *(f"  {name}: {value}" for name, value in rule.items())]
        blocks.append("\n".join(lines))
    return "# How to serve this site (corpusdiff site build; docs/security.md)\n" + "\n".join(blocks) + "\n"


class _Handler(http.server.SimpleHTTPRequestHandler):
    """The standard file handler, with HEADER_RULES (a rule's Content-Type replaces the guess)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._extra: dict[str, str] = {}
        super().__init__(*args, **kwargs)

    def send_head(self) -> Any:
        served = Path(self.translate_path(self.path))  # normalised as the base class serves it
        root = Path(self.directory)
        page = served.relative_to(root).as_posix() if served.is_relative_to(root) else ""
        self._extra = response_headers(page)
        return super().send_head()

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-type" and "Content-Type" in self._extra:
            value = self._extra["Content-Type"]
        super().send_header(keyword, value)

    def end_headers(self) -> None:
        for name, value in self._extra.items():
            if name != "Content-Type":
                self.send_header(name, value)
        self._extra = {}
        super().end_headers()


def preview_server(out: Path, port: int) -> http.server.ThreadingHTTPServer:
    """A server for the built site on 127.0.0.1:`port` (0: any free port), not yet serving; a
    port it cannot have is one line saying why and to choose another."""
    handler = functools.partial(_Handler, directory=str(out))
    try:
        return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        raise _port_error(exc, port) from None


def _port_error(exc: OSError, port: int) -> CorpusError:
    if exc.errno == errno.EADDRINUSE:
        why = "is in use (another `site serve`, or another program)"
    elif exc.errno == errno.EACCES:
        why = "needs privileges this user lacks (ports below 1024 do)"
    else:
        why = f"cannot be opened ({exc.strerror or exc})"
    return CorpusError(f"port {port} on 127.0.0.1 {why}; give another with --port, e.g. --port {_other(port)}")


def _other(port: int) -> int:
    """A port to suggest instead: the next one, or the default's neighbour for a privileged one."""
    return port + 1 if 1024 <= port < 65535 else 8001
