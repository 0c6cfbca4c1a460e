"""The critical CSS in the browser: generated from the markup the server sends now, it lays
that markup out as the full stylesheet does (every box and colour the same, so nothing moves
when it arrives), and the stylesheet does not hold the first frame."""

import pytest

from dashboard import critical_css

pytestmark = pytest.mark.browser

# every element of the server's markup (the scripts' footer aside): its box and its look; the
# script elements the inline starter adds once the first frame is painted are not markup
BOXES = """() => Array.from(document.querySelectorAll("body *"))
  .filter((element) => !element.closest("footer") && element.tagName !== "SCRIPT")
  .map((element) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return [element.tagName, element.className.baseVal ?? element.className,
            box.x, box.y, box.width, box.height, style.color, style.backgroundColor, style.font,
            style.borderTopColor, style.visibility];
  })"""


def test_the_committed_critical_css_is_what_the_markup_needs_now(page):
    assert critical_css.generate(page) == critical_css.CRITICAL.read_text("utf-8"), (
        "stale: run `make critical-css`"
    )


def _layout(browser, url: str, width: int, full: bool) -> list[list[object]]:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.route("**/*.js*", lambda route: route.abort())  # the server's markup, as first painted
    if not full:
        page.route("**/*.css*", lambda route: route.abort())
    page.goto(url)
    layout: list[list[object]] = page.evaluate(BOXES)
    context.close()
    return layout


@pytest.mark.parametrize("width", [390, 1400])
@pytest.mark.parametrize("path", ["/", "/trade", "/gas", "/gdp?transform=index"])
def test_the_markup_is_laid_out_alike_before_and_after_the_stylesheet(
    browser, base_url, path, width
):
    alone = _layout(browser, base_url + path, width, full=False)
    full = _layout(browser, base_url + path, width, full=True)
    assert len(full) > 30
    assert [box for box, other in zip(alone, full, strict=True) if box != other] == []


def test_the_stylesheet_does_not_block_rendering(page, base_url):
    page.goto(base_url + "/trade")
    status = page.evaluate(
        "() => performance.getEntriesByType('resource').filter((r) => r.name.includes('.css'))"
        ".map((r) => [r.name.split('/').pop().split('?')[0], r.renderBlockingStatus])"
    )
    assert status == [["styles.css", "non-blocking"]]
    assert page.errors == []
