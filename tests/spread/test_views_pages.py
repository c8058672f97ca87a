"""The reading pages: the method's spread section, the overview, an organisation, one adoption."""

from datetime import date
from decimal import Decimal

import pytest

from ideabank.ideas.models import Idea, TriedReport
from ideabank.spread import services, statistics, version
from ideabank.spread.models import Adoption
from tests.factories import IdeaFactory, municipal_organisation

from .helpers import adoption, days_ago, make_method, report

pytestmark = pytest.mark.django_db


def test_a_method_nobody_uses_invites_the_first(client, method):
    page = client.get(method.url).content.decode()
    assert "Ingen organisationer har endnu registreret" in page
    assert "Ingen har rapporteret resultater endnu." in page
    assert 'role="img"' not in page[page.index('id="spread"') :]


def test_the_method_page_shows_counts_regions_and_outcomes(client, method, indicators, aarhus, odense):
    a = adoption(method, aarhus, started=date(2024, 1, 1))
    adoption(method, odense, status="considering", started=date(2025, 1, 1))
    report(a, date(2024, 1, 1), date(2024, 3, 31), 40, 30, 21, Decimal(1000), {indicators[0]: (20, 30)})

    page = client.get(method.url).content.decode()

    assert "2 organisationer har registreret, at de bruger metoden." in page
    assert "1 afprøver eller har implementeret den." in page
    assert "Region Midtjylland (1)" in page and "Region Syddanmark (1)" in page
    assert "70 %" in page  # 21 of 30 felt helped
    low, high = (round(100 * bound) for bound in statistics.wilson_interval(21, 30))
    assert f"95 %-konfidensinterval {low}–{high} %" in page
    assert "i ønsket retning" in page  # 20 → 30 on an indicator that should rise


def test_contact_persons_are_shown_to_signed_in_users_only(client, staff, outsider, method):
    services.register(staff, method=method, status="piloting", started=days_ago(30))

    assert staff.display_name not in client.get(method.url).content.decode()
    client.force_login(outsider)
    page = client.get(method.url).content.decode()
    assert staff.display_name in page
    assert f"mailto:{staff.email}" in page


def test_the_overview_ranks_methods(client, aarhus, odense):
    popular = make_method("Populær metode")
    quiet = make_method("Stille metode")
    adoption(popular, aarhus, started=days_ago(40))
    adoption(popular, odense, started=days_ago(40))
    adoption(quiet, aarhus, status="considering", started=days_ago(900))

    page = client.get("/udbredelse/").content.decode()

    spread = page[page.index("Mest udbredte metoder") : page.index("Størst vækst")]
    assert spread.index("Populær metode") < spread.index("Stille metode")
    growth = page[page.index("Størst vækst") : page.index('id="map-heading"')]
    assert "Populær metode" in growth and "Stille metode" not in growth


def test_a_draft_methods_adoptions_stay_out_of_the_overview(client, aarhus):
    draft = make_method("Hemmelig kladde", live=False)
    adoption(draft, aarhus)
    assert "Hemmelig kladde" not in client.get("/udbredelse/").content.decode()


def test_the_cached_overview_shows_a_change_at_once(client, aarhus, odense):
    popular = make_method("Populær metode")
    quiet = make_method("Stille metode")
    adoption(popular, aarhus, started=days_ago(40))
    first = client.get("/udbredelse/").content.decode()
    assert "Stille metode" not in first[first.index("Mest udbredte metoder") : first.index("Størst vækst")]

    adoption(quiet, odense, started=days_ago(10))
    page = client.get("/udbredelse/").content.decode()
    assert "Stille metode" in page[page.index("Mest udbredte metoder") : page.index("Størst vækst")]

    quiet.unpublish()
    assert "Stille metode" not in client.get("/udbredelse/").content.decode()


def test_the_organisation_page_lists_uses_ideas_and_tried_reports(client, staff, method, outsider):
    services.register(staff, method=method, status="implemented", started=days_ago(100))
    own_idea = IdeaFactory(author=staff, title="Morgenmad i væresteder")
    IdeaFactory(author=staff, title="Kladden her", status=Idea.Status.DRAFT)
    theirs = IdeaFactory(author=outsider, title="Odenses gode idé")
    services.register(staff, idea=theirs, status="considering", started=days_ago(3))
    TriedReport.objects.create(
        idea=theirs,
        organisation=staff.organisation,
        author=staff,
        tried_from=days_ago(60),
        what_happened="Det virkede.",
    )

    page = client.get(f"/udbredelse/organisationer/{staff.organisation.slug}/").content.decode()

    assert "<h1>Aarhus Kommune</h1>" in page
    assert method.title in page
    assert own_idea.title in page
    assert "Kladden her" not in page
    assert "Odenses gode idé" in page  # adopted as an idea and tried
    assert "Det virkede." in page


def test_an_unknown_organisation_is_not_found(client):
    assert client.get("/udbredelse/organisationer/findes-ikke/").status_code == 404


def test_the_adoption_page_shows_history_and_reports(client, method, aarhus):
    steps = [(date(2024, 1, 1), "considering"), (date(2024, 6, 1), "implemented")]
    a = adoption(method, aarhus, started=date(2024, 1, 1), history=steps)
    report(a, date(2024, 7, 1), date(2024, 9, 30), 12, 10, 8, None)

    page = client.get(f"/udbredelse/ibrugtagninger/{a.pk}/").content.decode()

    assert "1. januar 2024" in page and "1. juni 2024" in page
    assert "Overvejer" in page and "Implementeret" in page
    assert "1. juli 2024 – 30. september 2024" in page
    assert "80 %" in page


def test_adoptions_of_hidden_ideas_and_draft_methods_are_not_found(client, aarhus, odense):
    idea = IdeaFactory()
    hidden = Adoption.objects.create(idea=idea, organisation=aarhus, status="piloting", started=days_ago(5))
    Idea.objects.filter(pk=idea.pk).update(status=Idea.Status.HIDDEN)
    draft = adoption(make_method("Kladde", live=False), odense)

    assert client.get(f"/udbredelse/ibrugtagninger/{hidden.pk}/").status_code == 404
    assert client.get(f"/udbredelse/ibrugtagninger/{draft.pk}/").status_code == 404


def test_municipal_tiles_carry_the_status_letter(client, method):
    adoption(method, municipal_organisation(101), status="stopped")
    page = client.get(method.url).content.decode()
    assert "<title>København</title>" in page
    assert 'class="spread-tile spread-tile-stopped"' in page


def test_the_spread_section_costs_the_same_queries_for_few_and_many_organisations(client, method, indicators):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_page():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(method.url).status_code == 200
        return len(captured)

    first = adoption(method, municipal_organisation(751))
    report(first, days_ago(300), days_ago(200), 10, 8, 5, Decimal(100), {indicators[0]: (1, 2)})
    queries_for_page()  # warms the caches (site root, content types)
    version.move_on()  # the method's figures computed afresh, as after any change
    few = queries_for_page()
    for code in (461, 101, 147, 851, 561, 621, 657):
        more = adoption(method, municipal_organisation(code))
        report(more, days_ago(300), days_ago(200), 10, 8, 5, Decimal(100), {indicators[0]: (1, 2)})

    version.move_on()
    assert queries_for_page() == few
