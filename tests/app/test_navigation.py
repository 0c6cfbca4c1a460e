"""The skip link and the site navigation: plain HTML in the first response, not Dash components."""

import json
from html.parser import HTMLParser

import dash
import pytest

from dashboard import downloads, shell
from dashboard.app import app

NAV_PAGES = [  # the site's pages today, in their order (a new page may come between them)
    ("/", "Claims vs record"),
    ("/trade", "Trade volume"),
    ("/shares", "Trade shares"),
    ("/settlement", "Ruble/yuan settlement"),
    ("/gdp", "GDP"),
    ("/gas", "Gas"),
    ("/products", "Products"),
    ("/partners", "Partners"),
    ("/sources", "Sources"),
    ("/about", "About the data"),
    ("/check", "Check a claim"),
]
ZIP = f"/download/{downloads.BUNDLE_NAME}"


class Links(HTMLParser):
    """The links of a page in document order (attributes, text, inside <nav> or not), and
    every start tag seen."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str | None]] = []
        self.tags: list[str] = []
        self.in_link = False
        self.in_nav = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.in_nav |= tag == "nav"
        if tag == "a":
            self.links.append({**dict(attrs), "text": "", "nav": "yes" if self.in_nav else None})
            self.in_link = True

    def handle_endtag(self, tag: str) -> None:
        self.in_nav &= tag != "nav"
        self.in_link &= tag != "a"

    def handle_data(self, data: str) -> None:
        if self.in_link:
            self.links[-1]["text"] = str(self.links[-1]["text"]) + data


def _links(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def client():
    return app.server.test_client()


def _by_order() -> list[tuple[str, str]]:
    """The pages of Dash's registry the navigation lists, by their `order`."""
    pages = [
        page
        for page in dash.page_registry.values()
        if page["path"] != "/404" and not page.get("path_template")
        if page.get("in_navigation", True)
    ]
    return [(p["relative_path"], p["name"]) for p in sorted(pages, key=lambda p: p["order"])]


def test_the_navigation_keeps_the_sites_pages_in_their_order():
    listed = iter(_by_order())
    assert all(page in listed for page in NAV_PAGES)  # in this order, others between


@pytest.mark.parametrize(("path", "name"), NAV_PAGES)
def test_the_first_response_marks_the_page_it_shows(client, path, name):
    links = _links(client.get(path).get_data(as_text=True)).links
    nav = [link for link in links if link["nav"]]
    assert [(link["href"], link["text"]) for link in nav[1:]] == [
        *_by_order(),
        (ZIP, "Download all data (zip)"),
    ]
    current = [link for link in nav if link.get("aria-current") == "page"]
    assert [(link["href"], link["text"]) for link in current] == [(path, name)]
    assert [link["href"] for link in nav if "active" in str(link["class"]).split()] == [path]


def test_the_skip_link_comes_first_and_the_brand_leads_home(client):
    links = _links(client.get("/trade").get_data(as_text=True)).links
    assert (links[0]["href"], links[0]["class"], links[0]["nav"]) == (
        "#page-content",
        "skip-link",
        None,
    )
    assert (links[1]["href"], links[1]["class"], links[1]["text"]) == (
        "/",
        "navbar-brand",
        "China–Russia figures",
    )


def test_the_zip_link_is_a_plain_download(client):
    html = client.get("/about").get_data(as_text=True)
    (bundle,) = [link for link in _links(html).links if link["href"] == ZIP]
    assert "download" in bundle
    response = client.get(ZIP)
    assert response.mimetype == "application/zip"
    assert "attachment" in response.headers["Content-Disposition"]


def test_the_menu_button_names_what_it_controls(client):
    html = client.get("/gas").get_data(as_text=True)
    assert (
        '<button type="button" class="navbar-toggler collapsed" aria-label="Toggle navigation"'
        ' aria-controls="nav-collapse" aria-expanded="false">'
    ) in html
    assert 'class="navbar-collapse collapse" id="nav-collapse"' in html


def test_an_unknown_path_marks_no_link_and_is_not_echoed(client):
    response = client.get("/%22%3E%3Cscript%3Ealert(1)%3C/script%3E")
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "alert(1)" not in html
    assert not [link for link in _links(html).links if link.get("aria-current")]


def test_names_and_paths_are_escaped(monkeypatch):
    hostile = {
        "path": "/x",
        "relative_path": '/x"onmouseover="alert(1)',
        "name": '<img src=x onerror="alert(2)">&amp;',
    }
    monkeypatch.setitem(dash.page_registry, "hostile", hostile)
    parsed = _links(shell.navigation(hostile["relative_path"]))
    assert "img" not in parsed.tags
    (link,) = [link for link in parsed.links if link["text"] == hostile["name"]]
    assert link["href"] == hostile["relative_path"]
    assert "onmouseover" not in link
    assert link["aria-current"] == "page"


def _component_types(node: object) -> list[str]:
    if isinstance(node, list):
        return [t for child in node for t in _component_types(child)]
    if isinstance(node, dict):
        own = [node["type"]] if "namespace" in node else []
        return own + [t for value in node.values() for t in _component_types(value)]
    return []


def test_the_dash_layout_holds_no_navigation(client):
    response = client.get("/_dash-layout", headers={"Referer": "http://localhost/trade"})
    types = _component_types(json.loads(response.get_data(as_text=True)))
    assert "Graph" in types  # the page itself is in it
    assert not {"Navbar", "NavbarBrand", "NavbarToggler"} & set(types)
    assert "Skip to content" not in response.get_data(as_text=True)
