"""Scripts and stylesheets sent brotli-compressed from memory, each compressed once.

Dash's compression (Flask-Compress) compresses every answer as it leaves, the page's 2.8 MB of
scripts and styles included, at zstd level 3, on every load. Those files do not change while
the server runs, so each is compressed once per process at brotli quality 9: about a tenth fewer
bytes, and no compression work while a page loads. Answers to clients that do not take brotli,
and every other answer, are left to Flask-Compress.

The cache is keyed by the file a request resolves to, not by the path it spells:
`/assets/x/../a.js`, `/assets/./a.js` and a made-up fingerprint of one of Dash's bundles all name
one entry. It holds MAX_ENTRIES files at most; past that, answers are left to Flask-Compress.
"""

import posixpath
import re
from threading import Lock

import brotli
from dash.fingerprint import check_fingerprint
from flask import Flask, Response, request

QUALITY = 9
MAX_ENTRIES = 64  # the pages load 16 scripts and stylesheets, the embeds a few more
MIMETYPES = {"text/javascript", "application/javascript", "text/css"}
_cache: dict[tuple[str, ...], bytes] = {}
_lock = Lock()
ASSET_URL = re.compile(r'(?:src|href)="(/[^"]+\.(?:js|css)(?:\?[^"]*)?)"')


def install(server: Flask) -> None:
    """Register the hook; it runs before Flask-Compress's (hooks run last registered first)."""
    server.after_request(send_compressed)


def resource(etag: str | None) -> tuple[str, ...]:
    """What the request names, however its path spells it: the endpoint, each path argument
    normalised (`x/../`, `./` resolved, a fingerprint dropped), and the file's ETag."""
    args = sorted((request.view_args or {}).items())
    files = (check_fingerprint(posixpath.normpath(str(value)))[0] for _, value in args)
    return (request.endpoint or "", *files, etag or "")


def send_compressed(response: Response) -> Response:
    """A static script or stylesheet, brotli-compressed from the cache."""
    if (
        request.method != "GET"
        or response.status_code != 200
        or response.mimetype not in MIMETYPES
        or "Content-Encoding" in response.headers
        or not request.accept_encodings["br"]
    ):
        return response
    etag = response.get_etag()[0]
    key = resource(etag)
    body = _cache.get(key)
    if body is None and len(_cache) >= MAX_ENTRIES:
        return response
    response.direct_passthrough = False
    if body is None:
        body = brotli.compress(response.get_data(), quality=QUALITY)
        with _lock:
            if len(_cache) < MAX_ENTRIES:
                _cache[key] = body
    elif hasattr(response.response, "close"):
        response.response.close()  # the file Flask opened, unread
    response.set_data(body)
    response.headers["Content-Encoding"] = "br"
    response.vary.add("Accept-Encoding")
    if etag:
        response.set_etag(f"{etag}:br")
        response.make_conditional(request)
    return response


def warm(server: Flask) -> None:
    """Compress the scripts and stylesheets the pages load, now (in gunicorn's master, so
    that every worker starts with them)."""
    client = server.test_client()
    page = client.get("/").get_data(as_text=True)
    for url in ASSET_URL.findall(page):
        client.get(url, headers={"Accept-Encoding": "br"})
