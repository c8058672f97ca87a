"""The server-rendered charts: their geometry, and that what reaches the browser is valid SVG with a name
and a description for assistive technology, beside a table holding the same figures."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.template.loader import render_to_string

from ideabank.methods import charts, services
from ideabank.methods.elements import Conclusion, Dimension, element_keys
from tests.factories import IdeaFactory, full_scores, make_method

pytestmark = pytest.mark.django_db


def xml(markup):
    """Parse our own rendered markup; a parse error is exactly what these tests look for."""
    return ET.fromstring(markup)  # noqa: S314 - the test's own server output, not untrusted input


def svg_and_table(html):
    """The first inline <svg> and the first <table> of the markup, each parsed as XML."""
    svg = re.search(r"<svg\b.*?</svg>", html, re.S).group(0)
    table = re.search(r"<table\b.*?</table>", html, re.S).group(0)
    return xml(svg), xml(table)


def assert_named_image(svg):
    assert svg.tag == "svg"
    assert svg.get("role") == "img"
    assert svg.get("focusable") == "false"
    title, desc = svg.find("title"), svg.find("desc")
    assert title is not None and title.text.strip()
    assert desc is not None and desc.text.strip()
    assert svg.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    width, height = (float(value) for value in (svg.get("width"), svg.get("height")))
    assert svg.get("viewBox") == f"0 0 {svg.get('width')} {svg.get('height')}"
    assert width > 0 and height > 0


def table_rows(table):
    return [
        ("".join(row.find("th").itertext()).strip(), [("".join(td.itertext())).strip() for td in row.findall("td")])
        for row in table.find("tbody").findall("tr")
    ]


# ---- the Lovende praksis profile -----------------------------------------------------------------


@pytest.fixture
def assessment(editor):
    scores = full_scores(2, teori_og_viden=0, virkning=3, maal=1)
    scores["oekonomi"]["justification"] = "Udgifter < gevinster & <b>ingen</b> merudgift."
    return services.assess(editor, IdeaFactory(), scores=scores, conclusion=Conclusion.PROMISING)


def test_profile_geometry_has_one_bar_per_element(assessment):
    chart = charts.profile_chart(assessment.profile())

    bars = chart["bars"]
    assert [bar["number"] for bar in bars] == list(range(1, 12))
    assert [bar["score"] for bar in bars][:4] == [0, 3, 2, 1]
    assert bars[0]["width"] == 0
    assert bars[1]["width"] == charts.PROFILE_BAR_WIDTH
    assert bars[3]["width"] == pytest.approx(charts.PROFILE_BAR_WIDTH / 3, abs=0.1)
    assert [bar["strong"] for bar in bars][:4] == [False, True, True, False]
    assert len({bar["y"] for bar in bars}) == 11
    assert chart["threshold_x"] == pytest.approx(charts.PROFILE_LABEL_WIDTH + 2 * charts.PROFILE_BAR_WIDTH / 3, abs=0.1)
    assert [tick["score"] for tick in chart["ticks"]] == [0, 1, 2, 3]
    assert chart["height"] >= bars[-1]["y"] + chart["bar_height"]


def render_profile(assessment):
    chart = charts.profile_chart(assessment.profile())
    return render_to_string("methods/includes/profile_chart.html", {"chart": chart, "assessment": assessment})


def test_the_profile_is_valid_svg_named_for_screen_readers(assessment):
    svg, _table = svg_and_table(render_profile(assessment))

    assert_named_image(svg)
    assert len(svg.findall("rect")) == 11
    assert len(svg.findall("rect[@class='chart-bar chart-bar-strong']")) == 9
    labels = [text.text for text in svg.findall("text") if text.get("class") == "chart-label"]
    assert labels[0] == "1. Teori og viden"
    assert labels[-1] == "11. Opfølgning"


def test_the_profile_table_holds_all_eleven_elements(assessment):
    _svg, table = svg_and_table(render_profile(assessment))

    rows = table_rows(table)
    assert len(rows) == 11
    assert rows[0] == ("1. Teori og viden", ["0", "Begrundelse for teori_og_viden."])
    assert rows[1][1][0] == "3"
    assert table.find("caption").text.startswith("Vurdering ")
    assert [th.get("scope") for th in table.find("thead").iter("th")] == ["col", "col", "col"]


def test_justifications_are_escaped_in_the_table(assessment):
    html = render_profile(assessment)

    assert "<b>ingen</b>" not in html
    _svg, table = svg_and_table(html)
    assert table_rows(table)[5][1][1] == "Udgifter < gevinster & <b>ingen</b> merudgift."


# ---- the knowledge declaration -------------------------------------------------------------------


@pytest.fixture
def declared():
    return make_method(
        declaration_maalgruppe="A",
        declaration_metode="B",
        declaration_implementering="C",
        declaration_effekt="D",
        declaration_effekt_justification="Ingen effektstudier endnu.",
    )


def test_declaration_geometry_has_a_spoke_per_dimension_and_a_ring_per_level(declared):
    chart = charts.declaration_chart(declared.declaration())

    assert [spoke["label"] for spoke in chart["spokes"]] == [str(d.label) for d in Dimension]
    assert [spoke["level"] for spoke in chart["spokes"]] == ["A", "B", "C", "D", "–"]
    assert [ring["level"] for ring in chart["rings"]] == ["A", "B", "C", "D"]
    assert len(chart["dots"]) == 5
    centre = charts.SPIDER_CENTRE
    # A is on the outer ring straight up; an unrated dimension sits in the centre.
    assert (chart["dots"][0]["x"], chart["dots"][0]["y"]) == (centre, centre - charts.SPIDER_RADIUS)
    assert (chart["dots"][4]["x"], chart["dots"][4]["y"]) == (centre, centre)


def test_a_stronger_level_lies_further_out(declared):
    chart = charts.declaration_chart(declared.declaration())
    centre = charts.SPIDER_CENTRE

    distances = [((dot["x"] - centre) ** 2 + (dot["y"] - centre) ** 2) ** 0.5 for dot in chart["dots"]]

    assert distances[0] > distances[1] > distances[2] > distances[3] > distances[4] == 0


def render_declaration(method):
    chart = charts.declaration_chart(method.declaration())
    return render_to_string(
        "methods/includes/declaration_chart.html", {"chart": chart, "declaration": method.declaration()}
    )


def test_the_declaration_is_valid_svg_named_for_screen_readers(declared):
    svg, _table = svg_and_table(render_declaration(declared))

    assert_named_image(svg)
    assert len(svg.findall("polygon[@class='chart-ring']")) == 4
    assert len(svg.findall("line")) == 5
    assert len(svg.findall("circle")) == 5
    shape = svg.find("polygon[@class='chart-shape']").get("points").split()
    assert len(shape) == 5
    assert [text.text for text in svg.findall("text")] == [
        "Målgruppe: A",
        "Metode: B",
        "Implementering: C",
        "Effekt: D",
        "Økonomi: –",
    ]


def test_the_declaration_table_holds_all_five_dimensions(declared):
    _svg, table = svg_and_table(render_declaration(declared))

    assert table_rows(table) == [
        # The letters in words, as the Vidensportal explains them.
        ("Målgruppe", ["A – stærk viden", ""]),
        ("Metode", ["B – moderat viden", ""]),
        ("Implementering", ["C – begrænset viden", ""]),
        ("Effekt", ["D – ingen eller meget begrænset viden", "Ingen effektstudier endnu."]),
        ("Økonomi", ["–", ""]),
    ]


# ---- on the method page --------------------------------------------------------------------------


def test_the_method_page_shows_both_charts_with_their_tables(client, declared, editor):
    services.assess(editor, declared, scores=full_scores(3), conclusion=Conclusion.PROMISING)

    html = client.get(declared.url).content.decode()

    svgs = [xml(svg) for svg in re.findall(r"<svg\b[^>]*role=\"img\".*?</svg>", html, re.S)]
    assert [svg.get("class") for svg in svgs] == ["chart chart-spider", "chart chart-profile"]
    for svg in svgs:
        assert_named_image(svg)
    tables = [
        xml(table) for table in re.findall(r"<table class=\"table table--compact chart-table\">.*?</table>", html, re.S)
    ]
    assert [len(table_rows(table)) for table in tables] == [5, len(element_keys())]
    # Every id the charts point to is unique on the page.
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
