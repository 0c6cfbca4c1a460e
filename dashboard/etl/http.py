"""The only door to the network: one session policy, one getter (JSON or XML bodies), errors
naming the URL.

Time is bounded three ways: each request has a timeout, a `Retry-After` longer than
MAX_RETRY_AFTER seconds is cut to it (an unparseable one counts as absent), and a Deadline
shared by all requests of a refresh stops the next request once it has passed. Bodies
larger than MAX_BODY_BYTES are refused.
"""

from __future__ import annotations

import email.utils
import json
import re
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where a request is made: `make data` never needs them
    import requests

USER_AGENT = "china-russia-figures-refresh/0.2 (python-requests; offline-first dashboard)"
RETRY_STATUSES = (429, 500, 502, 503, 504)
MAX_RETRY_AFTER = 10.0  # seconds
MAX_BODY_BYTES = 50 * 1024 * 1024


class SourceError(Exception):
    """An upstream answered wrongly, or not at all; names the URL."""

    def __init__(self, url: str, detail: str) -> None:
        super().__init__(f"{url}: {detail}")
        self.url = url
        self.detail = detail


@dataclass
class Deadline:
    """The time left for a whole refresh."""

    seconds: float
    started: float = field(default_factory=time.monotonic)

    def remaining(self) -> float:
        """Seconds left (may be negative)."""
        return self.seconds - (time.monotonic() - self.started)


@dataclass
class Client:
    """A requests session and the retry policy the getter applies to it."""

    session: requests.Session
    retries: int = 3
    backoff: float = 1.0


def session(retries: int = 3, backoff: float = 1.0) -> Client:
    """GET with retries on 429 and 5xx and on read timeouts; connection errors fail at once."""
    import requests

    client = requests.Session()
    client.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})
    return Client(client, retries, backoff)


def get_json(
    client: Client,
    url: str,
    params: dict[str, str] | None,
    timeout: float,
    deadline: Deadline | None = None,
) -> tuple[Any, str]:
    """The decoded JSON body and the final URL; anything but a JSON 200 is a SourceError.

    Retries wait for `Retry-After` (capped at MAX_RETRY_AFTER; unparseable means absent) or
    for the backoff, and never past the deadline."""
    response, body = _fetch(client, url, params, timeout, deadline, "application/json")
    return _decode(response, body), response.url


def get_xml(
    client: Client,
    url: str,
    params: dict[str, str] | None,
    timeout: float,
    deadline: Deadline | None = None,
) -> tuple[ET.Element, str]:
    """The parsed XML root and the final URL (asked with `Accept: application/xml`); anything
    but well-formed XML in a 200, or a document type declaration, is a SourceError."""
    response, body = _fetch(client, url, params, timeout, deadline, "application/xml")
    return _decode_xml(response, body), response.url


def _fetch(
    client: Client,
    url: str,
    params: dict[str, str] | None,
    timeout: float,
    deadline: Deadline | None,
    accept: str,
) -> tuple[requests.Response, bytes]:
    """The final response and its body, after the retries the policy allows."""
    headers = {"Accept": accept}
    for attempt in range(client.retries + 1):
        last = attempt == client.retries
        try:
            response, body = _get(
                client.session, url, params, headers, _budget(url, timeout, deadline)
            )
        except _ReadTimeout:
            if last:
                raise SourceError(url, f"no answer within {timeout:g} s, after retries") from None
            _wait(url, client.backoff * 2**attempt, deadline, "a read timeout")
            continue
        if response.status_code in RETRY_STATUSES and not last:
            pause = _retry_after(response.headers.get("Retry-After"))
            pause = client.backoff * 2**attempt if pause is None else pause
            _wait(url, pause, deadline, f"HTTP {response.status_code}")
            continue
        return response, body
    raise SourceError(url, "gave up after retries")  # not reached: the last attempt returns


class _ReadTimeout(Exception):
    """The server accepted the request but sent nothing in time (worth a retry)."""


def _budget(url: str, timeout: float, deadline: Deadline | None) -> float:
    if deadline is None:
        return timeout
    left = deadline.remaining()
    if left <= 0:
        raise SourceError(url, f"overall deadline of {deadline.seconds:g} s passed")
    return min(timeout, left)


def _wait(url: str, seconds: float, deadline: Deadline | None, why: str) -> None:
    seconds = min(max(seconds, 0.0), MAX_RETRY_AFTER)
    if deadline is not None and seconds >= deadline.remaining():
        raise SourceError(url, f"{why}; no time left to retry before the overall deadline")
    time.sleep(seconds)


def _retry_after(header: str | None) -> float | None:
    """Seconds from a Retry-After header (delta or HTTP date), or None if absent/unparseable."""
    if not header:
        return None
    text = header.strip()
    if text.isascii() and text.isdigit():
        return float(text)
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        return None
    return max(0.0, (moment - datetime.now(UTC)).total_seconds())


def _get(
    client: requests.Session,
    url: str,
    params: dict[str, str] | None,
    headers: dict[str, str],
    timeout: float,
) -> tuple[requests.Response, bytes]:
    import requests
    from urllib3.exceptions import HTTPError as Urllib3Error
    from urllib3.exceptions import ReadTimeoutError

    try:
        response = client.get(url, params=params, headers=headers, timeout=timeout, stream=True)
        return response, _body(response, time.monotonic() + timeout)
    except requests.exceptions.ReadTimeout:
        raise _ReadTimeout from None
    except requests.exceptions.ConnectionError as error:
        cause = getattr(error.args[0], "reason", None) if error.args else None
        if isinstance(cause, ReadTimeoutError):
            raise _ReadTimeout from None
        raise SourceError(url, f"cannot connect or connection lost: {_reason(error)}") from None
    except requests.exceptions.Timeout:
        raise SourceError(url, f"no answer within {timeout:g} s") from None
    except (requests.exceptions.RequestException, Urllib3Error) as error:
        raise SourceError(url, f"transfer failed: {_reason(error)}") from None


def _body(response: requests.Response, until: float) -> bytes:
    """The whole body, unless it is larger than MAX_BODY_BYTES or still arriving at `until`
    (read as it arrives, so a server that drips bytes is cut off in time)."""
    chunks, size = [], 0
    while chunk := response.raw.read1(65536, decode_content=True):
        if time.monotonic() > until:
            response.close()
            raise SourceError(response.url, "body still arriving when the request's time ran out")
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            response.close()
            raise SourceError(response.url, f"body larger than {MAX_BODY_BYTES} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _text(response: requests.Response, body: bytes) -> str:
    """The body as text, unless the status is an error or the body is empty."""
    text = body.decode(response.encoding or "utf-8", errors="replace")
    if response.status_code >= 400:
        raise SourceError(response.url, f"HTTP {response.status_code}: {_snippet(text)}")
    if response.status_code == 204 or not text.strip():
        raise SourceError(response.url, f"empty response (HTTP {response.status_code})")
    return text


def _decode_xml(response: requests.Response, body: bytes) -> ET.Element:
    url = response.url
    text = _text(response, body)
    content_type = response.headers.get("Content-Type", "")
    if "xml" not in content_type or not text.lstrip().startswith("<"):
        raise SourceError(url, f"expected XML, got {content_type or 'no type'}: {_snippet(text)}")
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise SourceError(url, "XML with a document type declaration refused (entities)")
    try:
        return ET.fromstring(body)
    except ET.ParseError as error:
        raise SourceError(url, f"malformed XML ({_snippet(str(error))})") from None


def _decode(response: requests.Response, body: bytes) -> Any:
    url = response.url
    text = _text(response, body)
    content_type = response.headers.get("Content-Type", "")
    if "json" not in content_type or text.lstrip().startswith("<"):
        raise SourceError(url, f"expected JSON, got {content_type or 'no type'}: {_snippet(text)}")
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except ValueError as error:
        raise SourceError(url, f"malformed JSON ({_snippet(str(error))})") from None
    except RecursionError:
        raise SourceError(url, "malformed JSON (nested too deeply)") from None


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not valid JSON")


def _snippet(text: str) -> str:
    return " ".join(text.split())[:160]


def _reason(error: Exception) -> str:
    inner = error.args[0] if error.args else error
    text = str(getattr(inner, "reason", inner))
    return _snippet(re.sub(r"^<[^>]*>: ", "", text))


def finite_number(value: Any, url: str, where: str) -> float | None:
    """A JSON number, or None for JSON null; strings such as "NaN", booleans and
    infinities are a SourceError naming the URL."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SourceError(url, f"{where}: not a number: {json.dumps(value)[:40]}")
    try:
        number = float(value)
    except OverflowError:
        raise SourceError(url, f"{where}: number too large: {str(value)[:40]}") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise SourceError(url, f"{where}: not a finite number: {value!r}")
    return number


NUMBER_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def number_text(value: Any, url: str, where: str) -> float | None:
    """A number sent as text (SDMX-JSON), or None for null; 'NaN', 'Infinity' and other
    text are a SourceError naming the URL."""
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return finite_number(value, url, where)
    if not isinstance(value, str) or not NUMBER_TEXT.fullmatch(value.strip()):
        raise SourceError(url, f"{where}: not a finite number: {json.dumps(value)[:40]}")
    number = float(value)
    if number in (float("inf"), float("-inf")):
        raise SourceError(url, f"{where}: number too large: {value[:40]}")
    return number
