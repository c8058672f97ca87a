"""A meeting is registered against the adoption read from the cache (queries.bare_adoption): whatever
changes what a user may see of it shows on the very next registration."""

import pytest
from wagtail.models import PageViewRestriction

from ideabank.ideas.models import Idea
from ideabank.spread.models import Adoption, StatusChange

from ..factories import IdeaFactory
from .helpers import adoption, days_ago, make_method

pytestmark = pytest.mark.django_db


def register(client, used):
    return client.post(
        f"/api/v1/adoptions/{used.pk}/encounters", {"answer": "helped"}, content_type="application/json"
    ).status_code


@pytest.fixture
def signed_in(client, staff):
    client.force_login(staff)
    return client


def test_a_restriction_set_after_a_registration_refuses_the_next_one(signed_in, aarhus):
    method = make_method("Metode der lukkes")
    used = adoption(method, aarhus)
    assert register(signed_in, used) == 201

    PageViewRestriction.objects.create(page=method, restriction_type="login")

    assert register(signed_in, used) == 404


def test_an_unpublished_method_refuses_the_next_registration(signed_in, aarhus):
    method = make_method("Metode der trækkes tilbage")
    used = adoption(method, aarhus)
    assert register(signed_in, used) == 201

    method.unpublish()

    assert register(signed_in, used) == 404


def test_an_idea_hidden_after_a_registration_refuses_the_next_one(signed_in, aarhus):
    """The spread version does not follow an idea's status: an idea's adoption is checked every time."""
    idea = IdeaFactory()
    used = Adoption.objects.create(idea=idea, organisation=aarhus, status="implemented", started=days_ago(30))
    StatusChange.objects.create(adoption=used, status="implemented", changed_on=days_ago(30))
    assert register(signed_in, used) == 201

    Idea.objects.filter(pk=idea.pk).update(status=Idea.Status.HIDDEN)

    assert register(signed_in, used) == 404


def test_a_moved_start_date_is_checked_against_at_once(signed_in, aarhus):
    used = adoption(make_method(), aarhus)
    assert register(signed_in, used) == 201

    used.started = days_ago(-1)  # it starts tomorrow: a meeting today is before it
    used.save()

    assert register(signed_in, used) == 422


def test_a_deleted_adoption_is_not_found_at_once(signed_in, aarhus):
    used = adoption(make_method(), aarhus)
    assert register(signed_in, used) == 201

    Adoption.objects.get(pk=used.pk).delete()

    assert register(signed_in, used) == 404
