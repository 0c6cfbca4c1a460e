"""The only door to the network: one session policy, one JSON getter, errors naming the URL."""

import re
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ReadTimeoutError
from urllib3.util.retry import Retry

USER_AGENT = "china-russia-figures-refresh/0.1 (python-requests; offline-first dashboard)"
RETRY_STATUSES = (429, 500, 502, 503, 504)


class SourceError(Exception):
    """An upstream answered wrongly, or not at all; names the URL."""

    def __init__(self, url: str, detail: str) -> None:
        super().__init__(f"{url}: {detail}")
        self.url = url
        self.detail = detail


def session(retries: int = 3, backoff: float = 1.0) -> requests.Session:
    """GET with retries on 429 and 5xx (honouring Retry-After); connection errors fail at once."""
    retry = Retry(
        total=retries,
        connect=0,
        read=retries,
        status=retries,
        backoff_factor=backoff,
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
    client: requests.Session, url: str, params: dict[str, str] | None, timeout: float
) -> tuple[Any, str]:
    """The decoded JSON body and the final URL; anything but a JSON 200 is a SourceError."""
    try:
        response = client.get(url, params=params, timeout=timeout)
    except requests.exceptions.ConnectionError as error:
        cause = getattr(error.args[0], "reason", None) if error.args else None
        if isinstance(cause, ReadTimeoutError):
            raise SourceError(url, f"no answer within {timeout:g} s, after retries") from None
        raise SourceError(url, f"cannot connect (no network?): {_reason(error)}") from None
    except requests.exceptions.Timeout:
        raise SourceError(url, f"no answer within {timeout:g} s") from None
    except requests.exceptions.RetryError as error:
        raise SourceError(url, f"gave up after retries: {_reason(error)}") from None
    return _decode(response), response.url


def _decode(response: requests.Response) -> Any:
    url, body = response.url, response.text
    if response.status_code >= 400:
        raise SourceError(url, f"HTTP {response.status_code}: {_snippet(body)}")
    if response.status_code == 204 or not body.strip():
        raise SourceError(url, f"empty response (HTTP {response.status_code})")
    content_type = response.headers.get("Content-Type", "")
    if "json" not in content_type or body.lstrip().startswith("<"):
        raise SourceError(url, f"expected JSON, got {content_type or 'no type'}: {_snippet(body)}")
    try:
        return response.json()
    except ValueError as error:
        raise SourceError(url, f"malformed JSON ({error})") from None


def _snippet(text: str) -> str:
    return " ".join(text.split())[:160]


def _reason(error: Exception) -> str:
    inner = error.args[0] if error.args else error
    text = str(getattr(inner, "reason", inner))
    return _snippet(re.sub(r"^<[^>]*>: ", "", text))
