"""The served-API tests use the loopback server the browser tests use (not their Chromium:
one Playwright per test session)."""

from tests.loopback import base_url

__all__ = ["base_url"]
