"""A method page behind a view restriction is not public: its adoptions stay out of what non-editors see,
from the moment the restriction is set until it is lifted (the restricted pages are cached, see queries.py)."""

import pytest
from wagtail.models import PageViewRestriction

from ideabank.spread import queries

from .helpers import adoption, make_method

pytestmark = pytest.mark.django_db


def test_a_restriction_hides_the_adoptions_at_once_and_lifting_it_shows_them(staff, editor, aarhus):
    method = make_method("Metode med adgangskode")
    used = adoption(method, aarhus)
    assert used in queries.visible_adoptions(staff)

    restriction = PageViewRestriction.objects.create(page=method, restriction_type="login")
    assert used not in queries.visible_adoptions(staff)
    assert used in queries.visible_adoptions(editor)

    restriction.delete()
    assert used in queries.visible_adoptions(staff)


def test_staff_cannot_register_a_meeting_under_a_restricted_method(client, staff, aarhus):
    method = make_method("Metode med adgangskode")
    used = adoption(method, aarhus)
    PageViewRestriction.objects.create(page=method, restriction_type="login")
    client.force_login(staff)
    answer = client.post(
        f"/api/v1/adoptions/{used.pk}/encounters", {"answer": "helped"}, content_type="application/json"
    )
    assert answer.status_code == 404
