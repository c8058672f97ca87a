"""The home page's spread section: the methods spreading fastest over the last twelve months, how many
organisations use methods, and what they achieved for citizens."""

import pytest

from home.highlights import spread_highlights
from ideabank.spread.models import AdoptionStatus
from tests.factories import OrganisationFactory, municipal_organisation
from tests.spread.helpers import adoption, days_ago, make_method, report

pytestmark = pytest.mark.django_db


@pytest.fixture
def spread(db):
    fast = make_method(title="Metoden der breder sig")
    slow = make_method(title="Den gamle kending")
    hidden = make_method(title="Ikke udgivet endnu", live=False)
    codes = (751, 101, 461, 561, 630)
    for code in codes[:3]:
        adoption(fast, municipal_organisation(code), status=AdoptionStatus.PILOTING, started=days_ago(100))
    adoption(fast, municipal_organisation(codes[3]), status=AdoptionStatus.STOPPED, started=days_ago(200))
    old = adoption(slow, municipal_organisation(751), status=AdoptionStatus.IMPLEMENTED, started=days_ago(900))
    adoption(slow, municipal_organisation(codes[4]), status=AdoptionStatus.CONSIDERING, started=days_ago(30))
    adoption(hidden, OrganisationFactory(name="Forening med upubliceret metode"), started=days_ago(10))
    report(old, days_ago(200), days_ago(110), 50, 40, 30)
    report(old, days_ago(800), days_ago(710), 999, 10, 1)  # more than a year ago: not counted
    return {"fast": fast, "slow": slow, "hidden": hidden}


def test_fastest_methods_and_organisations_using_methods(spread):
    highlights = spread_highlights()
    assert [(row["method"].title, row["new"]) for row in highlights["fastest"]] == [
        ("Metoden der breder sig", 4),
        ("Den gamle kending", 1),
    ]
    # In use = piloting or implemented, of published methods: three for the fast one, Aarhus for the old one.
    assert highlights["organisations"] == 3
    assert highlights["methods_in_use"] == 2
    assert highlights["citizens_reached"] == 50
    assert highlights["helped_percent"] == 75


def test_home_page_shows_the_highlights(client, spread):
    content = client.get("/").content.decode()
    section = content.split('id="spread-title"')[1].split("</section>")[0]
    assert "Metoden der breder sig" in section and spread["fast"].url in section
    assert section.index("Metoden der breder sig") < section.index("Den gamle kending")
    assert "Ikke udgivet endnu" not in section
    assert "3 organisationer bruger i alt 2 metoder" in " ".join(section.split())
    assert "75 %" in section
    assert 'href="/udbredelse/"' in section


def test_home_page_without_any_spread_says_what_will_come(client, db):
    content = client.get("/").content.decode()
    assert "Her kommer de metoder, der breder sig hurtigst" in content


def test_highlights_take_a_fixed_number_of_queries(spread, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        spread_highlights()


def spread_section(client):
    content = client.get("/").content.decode()
    return " ".join(content.split('id="spread-title"')[1].split("</section>")[0].split())


def methods_section(client):
    return client.get("/").content.decode().split('id="methods-title"')[1].split("</section>")[0]


def test_the_cached_sections_show_a_new_adoption_and_a_new_method_at_once(client, spread):
    assert "3 organisationer bruger i alt 2 metoder" in spread_section(client)
    newcomer = OrganisationFactory(name="Ny forening")
    adoption(spread["slow"], newcomer, status=AdoptionStatus.PILOTING, started=days_ago(5))
    assert "4 organisationer bruger i alt 2 metoder" in spread_section(client)

    assert "Helt ny metode" not in methods_section(client)
    make_method(title="Helt ny metode")
    assert "Helt ny metode" in methods_section(client)


def test_an_unpublished_method_leaves_the_cached_sections(client, spread):
    assert "Metoden der breder sig" in spread_section(client)
    spread["fast"].unpublish()
    assert "Metoden der breder sig" not in spread_section(client)
    assert "Metoden der breder sig" not in methods_section(client)
