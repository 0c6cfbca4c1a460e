"""The web server's guard rails, at the Flask level: body cap, malformed Dash requests answered
4xx, real 404s for paths that are no page, a time budget on every request (budget.py), and
security headers on every response.

Error answers carry fixed texts (nothing a client sent is echoed back) and `no-store`. Answers
that set no caching of their own may be built from the request's Host (a page's share links):
they are sent `private, no-cache` with `Vary: Host`, so that no shared cache hands one to others.
"""

import json
import logging
import re
import traceback
from pathlib import Path
from typing import Any

import dash
from dash import Dash
from flask import Flask, Response, request
from werkzeug.exceptions import BadRequest, HTTPException, NotFound, RequestEntityTooLarge

from dashboard.budget import Budget

MAX_BODY = 64 * 1024  # the largest real callback body is under 2 kB (tests/server measure it)
MAX_PROPS = 64  # items in one pattern-matching input: more than any page has charts
MAX_LOCATION = 2048  # characters of a pathname or query string
EMBED_PREFIX = "/embed/"  # the only pages other sites may frame
PACKAGE = Path(__file__).resolve().parent
REQUIRED = {"output", "outputs", "inputs", "changedPropIds"}  # what Dash's renderer always sends
WILDCARD = re.compile(r'\["ALL(SMALLER)?"\]')
LOG = logging.getLogger(__name__)

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # the page's own requests say which view it is
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}
ERROR_HEADERS = {  # on answers made outside Flask: gunicorn's own, the budget's 503
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    **HEADERS,
}
UNCACHED = "private, no-cache"
CSP = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors {ancestors}"
)


def protect(app: Dash) -> None:
    """Install the guard rails on a Dash app's Flask server (after its pages are registered)."""
    guard = Guard(app)
    server: Flask = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_BODY
    server.before_request(guard.check_request)
    server.after_request(guard.add_headers)
    server.register_error_handler(Exception, guard.on_error)
    server.wsgi_app = Budget(server.wsgi_app, ERROR_HEADERS)  # type: ignore[method-assign]
    with server.test_request_context("/"):
        server.preprocess_request()  # Dash's first-request setup, before threads race to do it


class Guard:
    """The hooks, bound to one app."""

    def __init__(self, app: Dash) -> None:
        self.app = app
        prefix = app.config.routes_pathname_prefix
        self.shell = {prefix, prefix + "<path:path>"}  # the endpoints serving the HTML shell
        self.update = prefix + "_dash-update-component"
        self.suites = prefix + "_dash-component-suites"
        self.hashes: list[str] = []

    def check_request(self) -> Response | None:
        """Refuse oversized and malformed requests; answer 404 for paths that are no page."""
        if (request.content_length or 0) > MAX_BODY:
            raise RequestEntityTooLarge()
        if request.endpoint == self.update:
            if not callback_body(request.get_json(silent=True), self.app):
                raise BadRequest()
        elif request.endpoint in self.shell:
            if not is_page(self.app.strip_relative_path(request.path)):
                return Response(self.app.index(), status=404, mimetype="text/html")
        return None

    def add_headers(self, response: Response) -> Response:
        """Security headers; pages under EMBED_PREFIX alone may be framed, by any site."""
        if not self.hashes:  # the inline scripts are all known once the first request is served
            self.hashes.extend(sorted(set(self.app.csp_hashes())))
        embed = request.path.startswith(EMBED_PREFIX)
        response.headers["Content-Security-Policy"] = CSP.format(
            hashes=" ".join(self.hashes), ancestors="*" if embed else "'none'"
        )
        if not embed:
            response.headers["X-Frame-Options"] = "DENY"
        response.headers.update(HEADERS)
        if response.status_code >= 400:
            response.headers["Cache-Control"] = "no-store"
        elif "Cache-Control" not in response.headers:
            response.headers["Cache-Control"] = UNCACHED
            response.vary.add("Host")
        return response

    def on_error(self, error: Exception) -> Response | HTTPException:
        """4xx for what a malformed Dash request makes Dash raise; 500 (logged) for our bugs."""
        if isinstance(error, HTTPException):
            return error
        if request.endpoint == self.update and not raised_in_package(error):
            return BadRequest()  # Dash choked on a malformed body before any callback ran
        if request.endpoint and request.endpoint.startswith(self.suites):
            return NotFound()
        LOG.error("unhandled error", exc_info=error)
        return Response("Internal server error", status=500, mimetype="text/plain")


def raised_in_package(error: BaseException) -> bool:
    """Whether the error went through the dashboard's own code (a bug, not a bad request)."""
    return any(
        Path(frame.f_code.co_filename).is_relative_to(PACKAGE)
        for frame, _ in traceback.walk_tb(error.__traceback__)
    )


def is_page(path: str | None) -> bool:
    """Whether a path (without the app prefix) is a registered page, templates included."""
    stripped = (path or "").strip("/")
    for module, page in dash.page_registry.items():
        if module.split(".")[-1] == "not_found_404":
            continue
        template = page.get("path_template")
        if template and re.fullmatch(template_pattern(template), stripped):
            return True
        if stripped == page["path"].strip("/"):
            return True
    return False


def template_pattern(template: str) -> str:
    """A path template such as /data/<id> as a regex: each variable is one path segment."""
    parts = re.split(r"<[^<>/]+>", template.strip("/"))
    return "[^/]+".join(re.escape(part) for part in parts)


def callback_body(body: Any, app: Dash) -> bool:
    """Whether a /_dash-update-component body has the shape of the callback it names."""
    if not isinstance(body, dict) or not REQUIRED <= body.keys():
        return False
    if not isinstance(body["output"], str):
        return False
    found = app.callback_map.get(body["output"])
    if found is None or not callable(found.get("callback")):
        return False
    inputs, state, changed = body["inputs"], body.get("state", []), body["changedPropIds"]
    if not props(inputs, found["inputs"]) or not props(state, found.get("state", [])):
        return False
    return isinstance(changed, list) and set(map(str, changed)) <= prop_ids(inputs)


def props(values: Any, declared: list[dict[str, str]]) -> bool:
    """Inputs or states: one entry per declared dependency, a list where it is a wildcard."""
    if not isinstance(values, list) or len(values) != len(declared):
        return False
    for value, dependency in zip(values, declared, strict=True):
        if WILDCARD.search(dependency["id"]):
            if not isinstance(value, list) or len(value) > MAX_PROPS:
                return False
            if not all(prop(item) for item in value):
                return False
        elif not prop(value):
            return False
    return True


def prop(value: Any) -> bool:
    """One {"id", "property", "value"} entry; Dash's location values must be short strings."""
    if not isinstance(value, dict) or not isinstance(value.get("property"), str):
        return False
    key = value.get("id")
    if not (isinstance(key, str) or isinstance(key, dict) and all(map(scalar, key.values()))):
        return False
    if value["property"] in ("pathname", "search") and "value" in value:
        text = value["value"]
        return isinstance(text, str) and len(text) <= MAX_LOCATION
    return True


def prop_ids(inputs: list[Any]) -> set[str]:
    """The ids Dash's renderer names changed inputs by: id (JSON, keys sorted) and property."""
    entries = [e for item in inputs for e in (item if isinstance(item, list) else [item])]
    return {f"{_id_text(e['id'])}.{e['property']}" for e in entries}


def _id_text(key: str | dict[str, Any]) -> str:
    return key if isinstance(key, str) else json.dumps(key, sort_keys=True, separators=(",", ":"))


def scalar(value: Any) -> bool:
    return isinstance(value, str | int | float | bool)
