"""The parts of the mobile Lighthouse budget (#22) that do not depend on the machine, checked on the six pages
`make lighthouse` measures, anonymously and as logged-in staff: no script blocks the first paint, a page's
bytes after compression stay within the budget, every link and button has a name, and the trimmed DKFDS
stylesheet kept every rule our templates and scripts use. The timings themselves stay in `make lighthouse`.
"""

import gzip
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders

from ideabank.compression import compressed
from tests.factories import IdeaFactory, make_method

pytestmark = pytest.mark.django_db

# Lighthouse's budget is 250 KiB; the estimate leaves room for headers and a font face not preloaded.
TRANSFER_BUDGET_KIB = 200
STYLESHEET_BUDGET_KIB = 100
STATIC = settings.STATIC_URL
DKFDS_CSS = Path(settings.BASE_DIR, "static", "vendor", "dkfds", "css")
PAGES = ["home", "idea list", "idea", "methods", "method", "search"]


@pytest.fixture
def site(staff):
    ideas = IdeaFactory.create_batch(41, author=staff, organisation=staff.organisation, title="Ensomhed blandt ældre")
    method = make_method(title="Besøgsven til ensomme ældre")
    return {
        "home": "/",
        "idea list": "/ideer/?page=2",  # the middle of a list: both pagination arrows show
        "idea": ideas[0].get_absolute_url(),
        "methods": "/metoder/",
        "method": method.url,
        "search": "/soeg/?q=ensomhed",
    }


@pytest.fixture(params=["anonymous", "staff"])
def viewer(request, client):
    if request.param == "staff":
        client.force_login(request.getfixturevalue("staff"))
    return client


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content, BeautifulSoup(response.content, "html.parser")


def compressed_size(content):
    return len(compressed(content))


def static_file(url):
    path = finders.find(url.removeprefix(STATIC).split("#")[0])
    assert path, f"{url} is not a static file"
    return Path(path).read_bytes()


def fetched_with(soup):
    """The static files a browser fetches before it can show the page: stylesheets, scripts, preloads, the
    icon sprite and the favicon."""
    urls = {tag["href"] for tag in soup.select('link[rel~="stylesheet"], link[rel="preload"], link[rel="icon"]')}
    urls |= {tag["src"] for tag in soup.select("script[src], img[src]")}
    urls |= {tag["href"].split("#")[0] for tag in soup.select("svg use[href]")}
    return sorted(url for url in urls if url.startswith(STATIC))


@pytest.mark.parametrize("name", PAGES)
def test_no_script_blocks_the_first_paint(site, viewer, name):
    _content, soup = page(viewer, site[name])
    scripts = soup.find_all("script")
    assert scripts, "the page should load its scripts"
    for script in scripts:
        if script.get("type") == "application/json":
            continue  # data, not code
        assert script.get("src"), f"inline script on {name}: {script}"
        assert script.has_attr("defer") or script.get("type") == "module", f"{script['src']} blocks on {name}"


@pytest.mark.parametrize("name", PAGES)
def test_the_page_and_what_it_fetches_fit_the_transfer_budget(site, viewer, name):
    content, soup = page(viewer, site[name])
    files = fetched_with(soup)
    total = compressed_size(content) + sum(compressed_size(static_file(url)) for url in files)
    assert total / 1024 <= TRANSFER_BUDGET_KIB, f"{name}: {total / 1024:.0f} KiB over {files}"


@pytest.mark.parametrize("name", PAGES)
def test_every_link_and_button_has_a_name(site, viewer, name):
    _content, soup = page(viewer, site[name])
    for element in soup.select("a[href], button"):
        label = element.get("aria-label") or element.get("title")
        for hidden in element.select('[aria-hidden="true"]'):
            hidden.decompose()
        assert (label or element.get_text()).strip(), f"unnamed on {name}: {element}"


def test_the_pagination_arrows_are_named(client, site):
    _content, soup = page(client, site["idea list"])
    arrows = soup.select("nav.pagination > a.button")
    assert [arrow["aria-label"] for arrow in arrows] == ["Forrige side", "Næste side"]
    # WCAG 2.5.3: the name starts with the words a sighted user sees.
    for arrow in arrows:
        assert arrow["aria-label"].startswith(arrow.select_one(".pagination-nav-link").get_text())


def test_pages_use_the_trimmed_stylesheet_and_preload_their_fonts(client, site):
    _content, soup = page(client, "/")
    stylesheets = [tag["href"] for tag in soup.select('link[rel~="stylesheet"]')]
    assert f"{STATIC}vendor/dkfds/css/dkfds.purged.min.css" in stylesheets
    assert f"{STATIC}vendor/dkfds/css/dkfds.min.css" not in stylesheets
    fonts = soup.select('link[rel="preload"][as="font"]')
    assert fonts
    for font in fonts:
        assert font["href"].endswith(".woff2")
        assert font.has_attr("crossorigin"), "a font preload without crossorigin is fetched twice"
        assert static_file(font["href"])


def test_the_trimmed_stylesheet_is_small_and_names_only_woff2_faces():
    css = (DKFDS_CSS / "dkfds.purged.min.css").read_text()
    assert len(css.encode()) / 1024 <= STYLESHEET_BUDGET_KIB
    faces = re.findall(r"@font-face\{[^}]*IBM Plex Sans[^}]*\}", css)
    assert faces
    for face in faces:
        assert "font-display:swap" in face
        urls = re.findall(r"url\(([^)]*)\)", face)
        assert len(urls) == 1
        assert urls[0].endswith(".woff2")
        assert (DKFDS_CSS / urls[0]).resolve().is_file()


CLASS_ONLY_SELECTOR = re.compile(r"(?:\.[\w-]+|[\s>+~]+|:[\w-]+)+")


def class_selectors(css):
    """DKFDS's selectors made of classes alone (`.a .b:hover`, `.a>.b`), each with the classes it needs."""
    css = re.sub(r"@font-face\{[^}]*\}", "", css)
    selectors = {}
    for prelude in re.findall(r"(?:^|[{};])([^{};@]+)\{", css):
        for selector in prelude.split(","):
            selector = selector.strip()
            if CLASS_ONLY_SELECTOR.fullmatch(selector):
                selectors[selector] = set(re.findall(r"\.([\w-]+)", selector))
    return selectors


def used_classes():
    """Class names written out in our templates and scripts (the static parts of class="…", classList, className)."""
    used = set()
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        for value in re.findall(r'class="([^"]*)"', template.read_text()):
            used |= {word for word in re.sub(r"\{[{%].*?[%}]\}", " ", value).split() if re.fullmatch(r"[\w-]+", word)}
    for script in Path(settings.BASE_DIR, "static", "js").glob("*.js"):
        text = script.read_text()
        for value in re.findall(
            r"""(?:classList\.(?:add|remove|toggle|contains)\(|className\s*=\s*)["']([^"']+)""", text
        ):
            used |= set(value.split())
    return used


def test_the_trimmed_stylesheet_kept_every_rule_our_classes_match():
    full = class_selectors((DKFDS_CSS / "dkfds.min.css").read_text())
    trimmed = class_selectors((DKFDS_CSS / "dkfds.purged.min.css").read_text())
    used = used_classes()
    needed = {selector for selector, classes in full.items() if classes <= used}
    assert {".button.button-primary", ".alert-error", ".breadcrumbs"} <= needed  # the check sees real rules
    assert sorted(needed - set(trimmed)) == []


def test_html_is_compressed_for_browsers_that_accept_it(client, site):
    response = client.get("/ideer/", headers={"accept-encoding": "gzip, br"})
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert b"<main" in gzip.decompress(response.content)
