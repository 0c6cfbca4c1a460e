"""The critical CSS: read rule by rule from the stylesheets, a subset of them in their order,
holding the rules of every class and element the server's markup uses; inlined in the head,
the stylesheets after the markup. (tests/browser/test_critical_css.py: generated from the
current markup, and the page laid out the same with it alone as with the full sheets.)"""

import re

import pytest

from dashboard import critical_css
from dashboard.app import app
from dashboard.critical_css import SHEETS, Rule, candidates, full_rules, render, select, split

SHEET = """@charset "UTF-8";/* a comment { with a brace */
:root{--x:"a}b"}
@media (min-width:576px){.a{color:red}@supports (display:grid){.b::after{content:'{'}}}
.c:hover,.d>.e:not(:last-child){margin:0}
@keyframes spin{to{transform:rotate(360deg)}}
"""


def test_a_sheet_is_split_into_its_rules_with_the_groups_around_them():
    assert list(split(SHEET)) == [
        Rule('@charset "UTF-8";', '@charset "UTF-8"'),
        Rule(':root{--x:"a}b"}', ":root"),
        Rule(".a{color:red}", ".a", ("@media (min-width:576px)",)),
        Rule(
            ".b::after{content:'{'}",
            ".b::after",
            ("@media (min-width:576px)", "@supports (display:grid)"),
        ),
        Rule(".c:hover,.d>.e:not(:last-child){margin:0}", ".c:hover,.d>.e:not(:last-child)"),
        Rule("@keyframes spin{to{transform:rotate(360deg)}}", "@keyframes spin"),
    ]


def test_selectors_are_tried_without_their_dynamic_states():
    assert candidates(".c:hover,.d>.e:not(:last-child)") == [".c", ".d>.e:not(:last-child)"]
    assert candidates("::before, .x>::after, a:focus-visible") == ["*", ".x>*", "a"]
    assert candidates(".form-check-input:checked[type=radio]") == [".form-check-input[type=radio]"]


def test_rules_kept_are_written_back_in_their_groups_and_order():
    rules = list(split(SHEET))
    kept = select(rules, {".b", ".d>.e:not(:last-child)"})
    assert [rule.prelude for rule in kept] == [".b::after", ".c:hover,.d>.e:not(:last-child)"]
    text = render(rules).removeprefix(critical_css.HEADER)
    assert list(split(text)) == [rule for rule in rules]
    assert "@media (min-width:576px){.a{color:red}@supports" in text  # one block for both


def test_an_animation_is_kept_with_a_rule_that_names_it():
    rules = list(split(SHEET + ".spinner{animation:spin 1s}"))
    assert [rule.prelude for rule in select(rules, {".spinner"})] == [
        "@keyframes spin",
        ".spinner",
    ]


@pytest.fixture(scope="module")
def critical() -> list[Rule]:
    return list(split(critical_css.CRITICAL.read_text("utf-8")))


def test_the_critical_css_is_rules_of_the_stylesheets_in_their_order(critical):
    full = full_rules()
    positions = [full.index(rule) for rule in critical]
    assert positions == sorted(positions)
    assert 0 < len(critical) < len(full) / 5


@pytest.fixture(scope="module")
def markup() -> str:
    client = app.server.test_client()
    return "".join(client.get(path).get_data(as_text=True) for path in critical_css.pages())


def test_every_rule_of_a_class_or_element_the_markup_uses_is_in_the_critical_css(critical, markup):
    # the rules written for one class (`.navbar`, `.mb-2`) or one element (`h1`, `legend`)
    # alone; tests/browser/test_critical_css.py compares the whole layout
    classes = {name for names in re.findall(r'class="([^"]*)"', markup) for name in names.split()}
    elements = set(re.findall(r"<([a-z][a-z0-9]*)[\s>]", markup)) - {"script", "style"}
    simple = {f".{name}" for name in classes} | elements
    needed = [
        rule
        for rule in full_rules()
        if not rule.prelude.startswith("@") and set(_selectors(rule.prelude)) & simple
    ]
    assert {".navbar", ".chart-card", ".first-paint", "h1", "legend"} <= simple
    assert [rule for rule in needed if rule not in critical] == []


def _selectors(prelude: str) -> list[str]:
    return [selector.strip() for selector in prelude.split(",")]


def test_the_head_carries_the_critical_css_and_a_preload_of_the_stylesheet():
    # the renderer script applies the stylesheet after the first frame; without scripts, the
    # noscript link does
    page = app.server.test_client().get("/gas").get_data(as_text=True)
    head, body = page.split("</head>")
    assert critical_css.style_tag() in head
    assert re.findall(r"<link [^>]*>", head.split("<style>")[1]) == [critical_css.preload_tag()]
    assert 'rel="stylesheet"' not in head
    assert re.findall(r'<link rel="stylesheet"[^>]*>', body) == [critical_css.link_tag()]
    assert f"<noscript>{critical_css.link_tag()}</noscript>" in body


def test_the_stylesheet_is_the_sheets_in_one_in_their_order():
    # every stylesheet of assets/ (but the embeds'): Dash would link a new one, shell.py not
    sheets = {path.name for path in critical_css.ASSETS.glob("*.css")} - {"embed.css"}
    assert sheets == set(critical_css.SHEETS)
    client = app.server.test_client()
    answer = client.get(critical_css.link_tag().split('"')[3])
    assert answer.status_code == 200 and answer.mimetype == "text/css"
    text = answer.get_data(as_text=True)
    starts = [text.index((critical_css.ASSETS / sheet).read_text("utf-8")) for sheet in SHEETS]
    assert starts == sorted(starts) and starts[0] == 0
    again = client.get(critical_css.STYLESHEET, headers={"If-None-Match": answer.headers["ETag"]})
    assert again.status_code == 304
