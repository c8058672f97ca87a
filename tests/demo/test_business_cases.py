"""The demo business cases: every listed demo method gets one with sources from the research library, its
page shows it, the API agrees, and seeding again changes nothing."""

import pytest
from django.db import transaction

from ideabank.demo import spread as spread_demo
from ideabank.demo.business_cases import CASES, seed_business_cases
from ideabank.demo.methods import seed_methods
from ideabank.demo.people import seed_accounts
from ideabank.methods.models import BusinessEffect, MethodPage, OutcomeIndicator
from ideabank.spread.economics import business_case

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demo once for the module, inside a transaction rolled back at the end (as tests/demo/test_methods.py)."""
    with django_db_blocker.unblock(), transaction.atomic():
        seed_accounts()
        seed_methods()
        spread_demo.seed_adoptions()
        yield seed_business_cases()
        transaction.set_rollback(True)


def test_every_listed_method_has_a_computable_case_with_sources(seeded, db, client):
    assert seeded == len(CASES)
    for method in MethodPage.objects.live().filter(slug__in=CASES):
        assert not method.has_unpublished_changes
        case = business_case(method)
        assert case is not None and case.results is not None, method.slug
        sourced = [line for line in case.effects if line.effect.source_research_id]
        assert sourced, method.slug  # from the research library
        page = client.get(method.url).content.decode()
        assert 'id="business-case"' in page
        body = client.get(f"/api/v1/methods/{method.pk}/business-case").json()
        assert body["scenarios"]["expected"]["npv_per_citizen"] == pytest.approx(case.expected.npv_per_citizen)
    assert OutcomeIndicator.objects.filter(price__isnull=False).count() >= 4
    # One effect deliberately has no source, and its page says so.
    unsourced = BusinessEffect.objects.get(source_research__isnull=True, source_link="")
    assert "har ingen kilde" in client.get(unsourced.page.url).content.decode()


def test_seeding_again_changes_nothing(seeded, db):
    before = BusinessEffect.objects.count()
    assert seed_business_cases() == 0
    assert BusinessEffect.objects.count() == before
