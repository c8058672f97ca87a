"""Chart geometry, and the charts as drawn on the pages: valid SVG, each with a title, a description and a table."""

import re
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

import pytest

from ideabank.spread import charts, queries, statistics
from ideabank.spread.statistics import Share
from tests.factories import municipal_organisation

from .helpers import adoption, days_ago, report

SVG = "{http://www.w3.org/2000/svg}"
NUMERIC = {"x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "dy"}


# ---- geometry ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("maximum", "step"), [(0, 1), (3, 1), (5, 1), (7, 2), (10, 2), (23, 5), (98, 20), (240, 50)])
def test_nice_steps(maximum, step):
    assert charts.nice_step(maximum) == step


def test_the_curve_steps_up_from_the_axis_to_the_end():
    points = statistics.timeline(
        [
            (date(2024, 1, 15), 1, "considering"),
            (date(2024, 7, 1), 1, "piloting"),
            (date(2025, 1, 1), 2, "implemented"),
        ]
    )
    chart = charts.adoption_curve(points, date(2025, 6, 30))

    start_x, bottom = chart["left"], chart["bottom"]
    assert chart["start"] == date(2024, 1, 1)
    assert chart["registered"].startswith(f"M{float(start_x)},{float(bottom)}")
    assert chart["registered"].endswith(f"H{float(chart['right'])}")
    # Two organisations at most: y ticks 0, 1, 2 with 2 at the top of the plot.
    assert [tick["value"] for tick in chart["y_ticks"]] == [0, 1, 2]
    assert chart["y_ticks"][-1]["y"] == chart["top"]
    # Registered goes 1 then 2; in use 0, 1, 2 — three vertical moves each (one is to the same height).
    assert chart["registered"].count("V") == 3
    assert chart["last"] == {"registered": 2, "in_use": 2}
    # A year and a half: a tick every quarter, on the first of the month, inside the span
    assert [tick["date"] for tick in chart["x_ticks"]] == [
        date(2024, 1, 1),
        date(2024, 4, 1),
        date(2024, 7, 1),
        date(2024, 10, 1),
        date(2025, 1, 1),
        date(2025, 4, 1),
    ]
    assert all(chart["left"] <= tick["x"] <= chart["right"] for tick in chart["x_ticks"])


def test_a_curve_that_just_began_still_spans_three_months():
    points = statistics.timeline([(date(2025, 6, 20), 1, "piloting")])
    chart = charts.adoption_curve(points, date(2025, 6, 30))
    assert (date(2025, 6, 30) - chart["start"]).days >= charts.MIN_SPAN_DAYS
    assert charts.adoption_curve([], date(2025, 6, 30)) is None


def test_the_tile_map_places_every_municipality_once(db):
    chart = charts.tile_map(queries.municipalities(), charts.status_states({751: "piloting", 400: "stopped"}))

    tiles = chart["tiles"]
    assert len(tiles) == 98
    assert len({(tile["x"], tile["y"]) for tile in tiles}) == 98
    assert all(0 <= tile["x"] <= chart["width"] - chart["tile"] for tile in tiles)
    assert all(0 <= tile["y"] <= chart["height"] - chart["tile"] for tile in tiles)
    by_code = {tile["code"]: tile for tile in tiles}
    assert (by_code[751]["css"], by_code[751]["letter"]) == ("piloting", "A")
    assert (by_code[400]["css"], by_code[400]["letter"]) == ("stopped", "S")
    assert by_code[101]["css"] == "none"
    # Bornholm lies east of everything else; Nordjylland's block is north of Syddanmark's.
    assert by_code[400]["x"] == max(tile["x"] for tile in tiles)
    assert by_code[851]["y"] < by_code[461]["y"]  # Aalborg above Odense
    assert {label["name"] for label in chart["labels"]} >= {"Region Nordjylland", "Region Hovedstaden", "Bornholm"}


def test_count_states_shade_in_bands():
    assert charts.count_states({1: 1, 2: 3, 3: 4, 4: 0, 5: 150}) == {
        1: ("level-1", "1"),
        2: ("level-2", "3"),
        3: ("level-3", "4"),
        5: ("level-3", "99+"),
    }


def test_the_comparison_puts_each_share_and_interval_on_the_axis():
    chart = charts.share_comparison(
        [("Aarhus", Share(8, 10), False), ("Tom", Share(0, 0), False), (None, Share(8, 10), True)]
    )

    assert len(chart["bars"]) == 2  # nobody asked in "Tom": nothing to draw
    bar = chart["bars"][0]
    low, high = statistics.wilson_interval(8, 10)
    assert bar["x"] == round(charts.COMPARE_LABEL_WIDTH + charts.COMPARE_PLOT_WIDTH * 0.8, 1)
    assert bar["low"] == round(charts.COMPARE_LABEL_WIDTH + charts.COMPARE_PLOT_WIDTH * low, 1)
    assert bar["high"] == round(charts.COMPARE_LABEL_WIDTH + charts.COMPARE_PLOT_WIDTH * high, 1)
    assert chart["bars"][1]["total"] is True
    assert charts.share_comparison([("Tom", Share(0, 0), False)]) is None


# ---- as drawn ---------------------------------------------------------------------------------


def svgs(html):
    """The charts (role="img"), not the decorative icons."""
    return [svg for svg in re.findall(r"<svg\b.*?</svg>", html, flags=re.DOTALL) if 'role="img"' in svg]


def assert_accessible_svg(snippet, html):
    """Parses as XML; role=img named by its own <title> and <desc>; both ids exist."""
    root = ET.fromstring(snippet)  # noqa: S314 - our own rendered markup
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text.strip()
    assert desc is not None and desc.text.strip()
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    assert html.count(f'id="{title.get("id")}"') == 1
    # Coordinates are plain numbers: a Danish decimal comma would split them into lists.
    for element in root.iter():
        for name in NUMERIC & set(element.attrib):
            float(element.get(name))
    return root


@pytest.fixture
def spread_method(method, indicators):
    aarhus = adoption(method, municipal_organisation(751), started=days_ago(700))
    odense = adoption(method, municipal_organisation(461), status="piloting", started=days_ago(200))
    adoption(method, municipal_organisation(400), status="stopped", started=days_ago(500))
    report(aarhus, days_ago(600), days_ago(510), 40, 30, 21, Decimal(900), {indicators[0]: (20, 30)})
    report(odense, days_ago(150), days_ago(60), 20, 10, 9)
    return method


def test_the_method_page_draws_three_valid_charts_with_tables(client, spread_method):
    html = client.get(spread_method.url).content.decode()
    section = html[html.index('id="spread"') :]

    drawn = svgs(section)
    assert len(drawn) == 3  # tile map, curve, comparison
    roots = [assert_accessible_svg(snippet, html) for snippet in drawn]
    titles = [root.find(f"{SVG}title").text for root in roots]
    assert titles == [
        "Danmark: kommuner, der bruger metoden",
        "Udbredelse over tid",
        "Andel borgere, der følte sig hjulpet, pr. organisation",
    ]
    # Every chart's figures are also in a table.
    assert "Organisationer efter region" in section  # the tile map's
    assert "Antal organisationer pr. dato, hvor noget ændrede sig" in section  # the curve's
    assert "Resultater pr. organisation" in section  # the comparison's
    tiles = roots[0].findall(f".//{SVG}rect")
    assert len(tiles) == 98


def test_the_overview_draws_a_valid_map_with_a_table(client, spread_method):
    html = client.get("/udbredelse/").content.decode()

    (snippet,) = svgs(html)
    assert_accessible_svg(snippet, html)
    assert "Kommuner med metoder i brug" in html
    assert '<th scope="row">Aarhus</th>' in html
