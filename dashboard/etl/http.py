"""The only door to the network: one session policy, one JSON getter, errors naming the URL.

Time is bounded three ways: each request has a timeout, a `Retry-After` longer than
MAX_RETRY_AFTER seconds is cut to it (an unparseable one counts as absent), and a Deadline
shared by all requests of a refresh stops the next request once it has passed. Bodies
larger than MAX_BODY_BYTES are refused.
"""

import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import ReadTimeoutError
from urllib3.util.retry import Retry

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


class CappedRetry(Retry):
    """urllib3's Retry, but Retry-After is capped and a malformed one is ignored."""

    def parse_retry_after(self, retry_after: str) -> float:
        try:
            seconds = super().parse_retry_after(retry_after)
        except Exception:  # noqa: BLE001 (urllib3 raises its own InvalidHeader; ignore any)
            return 0.0
        return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def session(retries: int = 3, backoff: float = 1.0) -> requests.Session:
    """GET with retries on 429 and 5xx; connection errors fail at once."""
    retry = CappedRetry(
        total=retries,
        connect=0,
        read=retries,
        status=retries,
        backoff_factor=backoff,
        backoff_max=MAX_RETRY_AFTER,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET"}),
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    client = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    client.mount("http://", adapter)
    client.mount("https://", adapter)
    client.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})
    return client


def get_json(
    client: requests.Session,
    url: str,
    params: dict[str, str] | None,
    timeout: float,
    deadline: Deadline | None = None,
) -> tuple[Any, str]:
    """The decoded JSON body and the final URL; anything but a JSON 200 is a SourceError."""
    if deadline is not None:
        left = deadline.remaining()
        if left <= 0:
            raise SourceError(url, f"overall deadline of {deadline.seconds:g} s passed")
        timeout = min(timeout, left)
    try:
        response = client.get(url, params=params, timeout=timeout, stream=True)
        body = _body(response)
    except requests.exceptions.ConnectionError as error:
        cause = getattr(error.args[0], "reason", None) if error.args else None
        if isinstance(cause, ReadTimeoutError):
            raise SourceError(url, f"no answer within {timeout:g} s, after retries") from None
        raise SourceError(url, f"cannot connect or connection lost: {_reason(error)}") from None
    except requests.exceptions.Timeout:
        raise SourceError(url, f"no answer within {timeout:g} s") from None
    except requests.exceptions.RetryError as error:
        raise SourceError(url, f"gave up after retries: {_reason(error)}") from None
    except (requests.exceptions.RequestException, Urllib3Error) as error:
        raise SourceError(url, f"transfer failed: {_reason(error)}") from None
    return _decode(response, body), response.url


def _body(response: requests.Response) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_content(65536):
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            response.close()
            raise SourceError(response.url, f"body larger than {MAX_BODY_BYTES} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(response: requests.Response, body: bytes) -> Any:
    url = response.url
    text = body.decode(response.encoding or "utf-8", errors="replace")
    if response.status_code >= 400:
        raise SourceError(url, f"HTTP {response.status_code}: {_snippet(text)}")
    if response.status_code == 204 or not text.strip():
        raise SourceError(url, f"empty response (HTTP {response.status_code})")
    content_type = response.headers.get("Content-Type", "")
    if "json" not in content_type or text.lstrip().startswith("<"):
        raise SourceError(url, f"expected JSON, got {content_type or 'no type'}: {_snippet(text)}")
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except ValueError as error:
        raise SourceError(url, f"malformed JSON ({error})") from None


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
    number = float(value)
    if number != number or number in (float("inf"), float("-inf")):
        raise SourceError(url, f"{where}: not a finite number: {value!r}")
    return number


NUMBER_TEXT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def number_text(value: Any, url: str, where: str) -> float | None:
    """A number sent as text (SDMX-JSON), or None for null; 'NaN', 'Infinity' and other
    text are a SourceError naming the URL."""
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return finite_number(value, url, where)
    if not isinstance(value, str) or not NUMBER_TEXT.fullmatch(value.strip()):
        raise SourceError(url, f"{where}: not a finite number: {json.dumps(value)[:40]}")
    return float(value)
