"""The browser fixtures (loopback server, Debian's Chromium) shared with tests/browser."""

from tests.browser.conftest import base_url, browser, page

__all__ = ["base_url", "browser", "page"]
