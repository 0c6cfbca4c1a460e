"""The Check a claim page in headless Chromium: paste, check, click a figure, follow the link."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

TEXT = (  # hand-written for this test
    "In 2020, Russia's GDP was about $1.46 trillion. Trade between China and Russia reached "
    "$240.11 billion last year, according to China's customs. China has 1.4 billion people."
)


def test_check_page_highlights_and_explains_a_figure(page: Page, base_url: str) -> None:
    page.goto(base_url + "/check")
    page.fill("#check-text", TEXT)
    page.fill("#check-date", "2024-01-15")
    page.click("#check-submit")
    figures = page.locator("#check-output button")
    expect(figures).to_have_count(2)
    expect(figures.nth(0)).to_contain_text("$1.46 trillion [consistent]")
    expect(figures.nth(1)).to_contain_text("$240.11 billion [consistent]")
    expect(page.locator("#check-message")).to_contain_text("2 figures found")
    figures.nth(1).click()
    detail = page.locator("#check-detail")
    expect(detail).to_contain_text("240.11 billions of current US dollars (2023")
    expect(detail).to_contain_text("stmt-tass-2024-08-07-trade-2023")
    link = detail.get_by_role("link", name="See it on the chart")
    expect(link).to_have_attribute("href", "/trade?start=2020&end=2026#turnover")
    page.screenshot(path="/tmp/check-page.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path="/tmp/check-page-phone.png", full_page=True)
    link.click()
    page.wait_for_url("**/trade?start=2020&end=2026#turnover")
    assert page.errors == []  # type: ignore[attr-defined]


def test_check_page_refuses_junk_without_error(page: Page, base_url: str) -> None:
    page.goto(base_url + "/check")
    page.fill("#check-text", "   ")
    page.click("#check-submit")
    expect(page.locator("#check-message")).to_contain_text("Paste some text")
    assert page.errors == []  # type: ignore[attr-defined]


def test_every_number_is_listed_and_the_result_downloads(page: Page, base_url: str) -> None:
    page.goto(base_url + "/check")
    page.fill("#check-text", TEXT)
    page.fill("#check-date", "2024-01-15")
    page.click("#check-submit")
    numbers = page.locator("#check-numbers tbody tr")
    expect(numbers).to_have_count(4)  # 2020, the two figures, 1.4
    expect(numbers.nth(0)).to_contain_text("a year or date")
    expect(numbers.nth(2)).to_contain_text("checked: consistent")
    expect(numbers.nth(3)).to_contain_text("not a China–Russia figure")
    with page.expect_download() as done:
        page.click("#check-csv")
    path = done.value.path()
    assert path is not None
    content = open(path, encoding="utf-8").read()
    assert content.startswith("quote,start,end,") and "$240.11 billion" in content
    assert page.errors == []  # type: ignore[attr-defined]


def test_a_shared_link_checks_its_text_without_sending_it_elsewhere(
    page: Page, base_url: str
) -> None:
    requests: list[tuple[str, str]] = []
    page.on("request", lambda r: requests.append((r.url, r.post_data or "")))
    page.goto(base_url + "/check")
    page.fill("#check-text", TEXT)
    page.fill("#check-date", "2024-01-15")
    page.click("#check-submit")
    expect(page.locator("#check-output button")).to_have_count(2)  # this text was checked
    link = page.locator("#check-share-link")
    href = link.get_attribute("href")
    assert href is not None and href.startswith("/check#text=")
    requests.clear()
    page.goto("about:blank")
    page.goto(base_url + href)
    expect(page.locator("#check-output button")).to_have_count(2)
    expect(page.locator("#check-date")).to_have_value("2024-01-15")
    assert all(url.startswith(base_url) or url == "about:blank" for url, _ in requests)
    assert not any("240.11" in url for url, _ in requests)  # never in a URL sent
    assert any("240.11" in body for url, body in requests if url.startswith(base_url))
    assert page.errors == []  # type: ignore[attr-defined]
