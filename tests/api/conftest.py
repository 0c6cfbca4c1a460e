"""The API tests reuse the browser tests' loopback server and headless Chromium."""

from tests.browser.conftest import base_url, browser, page

__all__ = ["base_url", "browser", "page"]
