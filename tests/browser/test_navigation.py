"""The static site navigation in Chromium: links change page without reloading the document,
the current page's link follows, the phone menu opens, closes and gets out of the way."""

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from dashboard import downloads

pytestmark = pytest.mark.browser

POINT = ".js-plotly-plot .scatterlayer .trace .points path"
MARKER = "window.__sameDocument"  # set before a click: a reload would lose it


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#page-content h1")
    page.evaluate(f"{MARKER} = true")


def _nav_link(page: Page, name: str) -> Locator:
    return page.locator("nav").get_by_role("link", name=name, exact=True)


def _same_document(page: Page) -> bool:
    return bool(page.evaluate(f"{MARKER} === true"))


def _current(page: Page) -> list[str]:
    """The text of every navigation link marked as the page shown."""
    return [
        link.inner_text() for link in page.locator("nav .nav-link.active[aria-current=page]").all()
    ]


def test_a_link_changes_page_without_reloading_and_back_returns(page, base_url):
    _open(page, base_url + "/trade")
    page.wait_for_selector(POINT, state="attached", timeout=15000)
    assert _current(page) == ["Trade volume"]
    _nav_link(page, "About the data").click()
    expect(page).to_have_url(base_url + "/about")
    expect(page.locator("h1")).to_have_text("About the data")
    expect(_nav_link(page, "About the data")).to_have_attribute("aria-current", "page")
    assert _current(page) == ["About the data"]
    assert _same_document(page)
    page.go_back()
    expect(page).to_have_url(base_url + "/trade")
    expect(page.locator("h1")).to_have_text("Trade volume")
    page.wait_for_selector(POINT, state="attached", timeout=15000)
    expect(_nav_link(page, "Trade volume")).to_have_attribute("aria-current", "page")
    assert _current(page) == ["Trade volume"]
    page.go_forward()
    expect(page.locator("h1")).to_have_text("About the data")
    assert _current(page) == ["About the data"]
    assert _same_document(page)
    page.locator("nav .navbar-brand").click()
    expect(page).to_have_url(base_url + "/")
    assert _current(page) == ["Claims vs record"]
    assert _same_document(page)
    assert page.errors == []


def test_the_phone_menu_closes_once_a_link_is_followed(page, base_url):
    page.set_viewport_size({"width": 390, "height": 800})
    _open(page, base_url + "/gdp")
    toggler = page.locator(".navbar-toggler")
    link = _nav_link(page, "Gas")
    expect(toggler).to_have_attribute("aria-expanded", "false")
    toggler.click()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    expect(link).to_be_visible()
    link.click()
    expect(page.locator("h1")).to_have_text("Gas")
    expect(toggler).to_have_attribute("aria-expanded", "false")
    expect(link).to_be_hidden()
    assert _same_document(page)
    assert page.errors == []


def test_a_new_page_opens_at_its_top(page, base_url):
    _open(page, base_url + "/trade")
    page.wait_for_selector(f"#gap-pct {POINT}", state="attached", timeout=15000)  # all cards in
    page.evaluate("window.scrollTo(0, 1500)")
    assert page.evaluate("window.scrollY") > 0
    page.evaluate("document.querySelector('nav a[href=\"/gas\"]').click()")
    assert page.evaluate("window.scrollY") == 0  # at once, as a page load (no smooth scroll)
    expect(page.locator("h1")).to_have_text("Gas")
    assert _same_document(page)


def test_escape_closes_the_open_menu(page, base_url):
    page.set_viewport_size({"width": 390, "height": 800})
    _open(page, base_url + "/about")
    toggler = page.locator(".navbar-toggler")
    link = _nav_link(page, "Sources")
    toggler.click()
    expect(link).to_be_visible()
    link.focus()
    page.keyboard.press("Escape")
    expect(toggler).to_have_attribute("aria-expanded", "false")
    expect(link).to_be_hidden()
    expect(toggler).to_be_focused()  # focus leaves the links it hid
    toggler.click()  # and the button opens the menu again
    expect(toggler).to_have_attribute("aria-expanded", "true")
    expect(link).to_be_visible()
    toggler.click()
    expect(toggler).to_have_attribute("aria-expanded", "false")
    expect(link).to_be_hidden()


def test_the_zip_link_is_still_a_download(page, base_url):
    _open(page, base_url + "/about")
    with page.expect_download() as info:
        _nav_link(page, "Download all data (zip)").click()
    assert info.value.suggested_filename == downloads.BUNDLE_NAME
    expect(page).to_have_url(base_url + "/about")
    assert _same_document(page)


def test_a_modified_click_is_left_to_the_browser(page, base_url):
    _open(page, base_url + "/about")
    with page.context.expect_page() as opened:
        _nav_link(page, "Sources").click(modifiers=["Control"])
    expect(opened.value).to_have_url(re.compile(r"/sources$"))
    expect(page).to_have_url(base_url + "/about")
    assert _current(page) == ["About the data"]


def test_a_link_in_a_page_moves_the_mark_too(page, base_url):
    _open(page, base_url + "/no-such-page")
    assert _current(page) == []
    page.get_by_role("link", name="Back to the overview").click()  # a dcc.Link
    expect(page).to_have_url(base_url + "/")
    expect(_nav_link(page, "Claims vs record")).to_have_attribute("aria-current", "page")
    assert _current(page) == ["Claims vs record"]
    assert _same_document(page)
