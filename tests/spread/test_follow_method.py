"""Following a method: the button on its page, and the followers hearing of a new adoption (nobody else)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from ideabank.ideas import services as idea_services
from ideabank.ideas.models import Follow
from ideabank.notifications.models import Notification, Verb
from ideabank.spread import services
from tests.factories import UserFactory, municipal_organisation

from .helpers import make_method

pytestmark = pytest.mark.django_db


def follow_form(client, method, action="follow"):
    return client.post("/ideer/foelg/", {"kind": "method", "value": method.pk, "action": action, "next": method.url})


def test_the_method_page_offers_a_follow_button_that_follows_and_unfollows(client, method, staff, password):
    client.force_login(staff)
    page = client.get(method.url).content.decode()
    assert 'name="kind" value="method"' in page and f'name="value" value="{method.pk}"' in page
    assert follow_form(client, method).status_code == 302
    assert Follow.objects.filter(user=staff, method=method).exists()
    page = client.get(method.url).content.decode()
    assert 'name="action" value="unfollow"' in page
    follow_form(client, method, action="unfollow")
    assert not Follow.objects.filter(user=staff, method=method).exists()


def test_anonymous_follow_goes_to_login(client, method):
    response = follow_form(client, method)
    assert response.status_code == 302 and "login" in response.url.lower() or "konto" in response.url
    assert not Follow.objects.exists()


def test_unpublished_method_cannot_be_followed(client, staff):
    draft = make_method(title="Endnu ikke udgivet", live=False)
    client.force_login(staff)
    assert follow_form(client, draft).status_code == 404
    with pytest.raises(PermissionDenied):
        idea_services.follow(staff, method=draft)
    assert not Follow.objects.exists()


def test_following_twice_is_harmless_and_the_database_allows_one(method, staff):
    idea_services.follow(staff, method=method)
    idea_services.follow(staff, method=method)
    assert Follow.objects.filter(user=staff, method=method).count() == 1
    assert Follow.objects.get(user=staff, method=method).kind == "method"
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(user=staff, method=method)
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(user=staff)  # no target at all


def test_followers_hear_of_a_new_adoption_and_nobody_else(method, staff, outsider, django_capture_on_commit_callbacks):
    other_method = make_method(title="Anden metode")
    follower = UserFactory(organisation=municipal_organisation(101))
    other_follower = UserFactory(organisation=municipal_organisation(101))
    bystander = UserFactory(organisation=municipal_organisation(101))
    idea_services.follow(follower, method=method)
    idea_services.follow(outsider, method=method)  # the registering user's own follow is not news to them
    idea_services.follow(other_follower, method=other_method)
    assert bystander.pk
    with django_capture_on_commit_callbacks(execute=True):
        services.register(outsider, status="piloting", started=timezone.localdate(), method=method)
    told = Notification.objects.filter(verb=Verb.METHOD_ADOPTED)
    assert list(told.values_list("recipient", flat=True)) == [follower.pk]
    notification = told.get()
    assert notification.method_id == method.pk and notification.organisation_id == outsider.organisation_id
    assert not Notification.objects.exclude(verb=Verb.METHOD_ADOPTED).exists()


def test_a_second_organisation_tells_the_first_ones_follower(
    method, staff, outsider, django_capture_on_commit_callbacks
):
    idea_services.follow(staff, method=method)
    with django_capture_on_commit_callbacks(execute=True):
        services.register(staff, status="considering", started=timezone.localdate(), method=method)
    assert not Notification.objects.exists()  # staff registered it themselves
    with django_capture_on_commit_callbacks(execute=True):
        services.register(outsider, status="implemented", started=timezone.localdate(), method=method)
    assert list(Notification.objects.values_list("recipient", "verb")) == [(staff.pk, Verb.METHOD_ADOPTED)]


def test_the_api_follows_lists_and_unfollows_a_method(client, method, staff, token_for):
    headers = token_for(staff)
    url = "/api/v1/follows"
    created = client.post(url, {"kind": "method", "value": method.pk}, content_type="application/json", **headers)
    assert created.status_code == 201, created.content
    assert created.json()["value"] == str(method.pk) and created.json()["label"] == method.title
    assert client.get(url, **headers).json()[0]["kind"] == "method"
    draft = make_method(title="Kladde", live=False)
    refused = client.post(url, {"kind": "method", "value": draft.pk}, content_type="application/json", **headers)
    assert refused.status_code == 404
    gone = client.delete(f"{url}?kind=method&value={method.pk}", **headers)
    assert gone.status_code == 204
    assert not Follow.objects.exists()
