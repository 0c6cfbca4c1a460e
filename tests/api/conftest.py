"""The served-API tests reuse the browser tests' loopback server (not their Chromium: one
Playwright per test session)."""

from tests.browser.conftest import base_url

__all__ = ["base_url"]
