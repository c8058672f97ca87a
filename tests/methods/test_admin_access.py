"""Who reaches the knowledge ladder's admin pages (queue, assess, promote, pin) and the research library:
editors and administrators; everyone else is turned away and changes nothing."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from ideabank.accounts.roles import Role
from ideabank.methods.models import Assessment, EscalationPin, MethodPage, Promotion
from tests.factories import UserFactory, full_scores, make_method

from .conftest import ALLOWED_ROLES

pytestmark = pytest.mark.django_db

RESEARCH = "/admin/snippets/methods/researchitem/"


def pages(idea, method):
    return [
        reverse("methods_admin:queue"),
        reverse("methods_admin:assess_idea", args=[idea.pk]),
        reverse("methods_admin:assess_method", args=[method.pk]),
        reverse("methods_admin:promote", args=[idea.pk]),
        RESEARCH,
        f"{RESEARCH}add/",
    ]


def assessment_form(conclusion="promising"):
    data = {"conclusion": conclusion}
    for key, entry in full_scores(3).items():
        data[f"{key}_score"] = entry["score"]
        data[f"{key}_justification"] = entry["justification"]
    return data


def posts(idea, method):
    return [
        (reverse("methods_admin:assess_idea", args=[idea.pk]), assessment_form()),
        (reverse("methods_admin:assess_method", args=[method.pk]), assessment_form()),
        (reverse("methods_admin:promote", args=[idea.pk]), {}),
        (reverse("methods_admin:pin", args=[idea.pk]), {}),
    ]


def nothing_changed(method):
    return (
        not Assessment.objects.exists()
        and not Promotion.objects.exists()
        and not EscalationPin.objects.exists()
        and list(MethodPage.objects.all()) == [method]
        and not ModelLogEntry.objects.filter(action__startswith="ideabank.").exists()
    )


def test_anonymous_visitors_are_sent_to_the_login(client, idea):
    method = make_method()
    login = reverse("wagtailadmin_login")

    for url in pages(idea, method):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(login), url
    for url, data in posts(idea, method):
        response = client.post(url, data)
        assert response.status_code == 302, url
        assert response["Location"].startswith(login), url
    assert nothing_changed(method)


def test_staff_without_admin_access_are_sent_to_the_login(signed_in, staff, idea):
    client = signed_in(staff)
    method = make_method()

    for url in pages(idea, method):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("wagtailadmin_login")), url
    for url, data in posts(idea, method):
        assert client.post(url, data).status_code == 302, url
    assert nothing_changed(method)


def test_moderators_are_refused(signed_in, moderator, idea):
    client = signed_in(moderator)
    method = make_method()

    for url in pages(idea, method):
        response = client.get(url)
        # Wagtail turns a refusal inside the admin into a redirect to the dashboard with a message.
        assert response.status_code == 302, url
        assert response["Location"] == reverse("wagtailadmin_home"), url
    for url, data in posts(idea, method):
        response = client.post(url, data)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("wagtailadmin_home"), url
    assert nothing_changed(method)


def test_a_script_asking_as_a_moderator_gets_403(signed_in, moderator, idea):
    client = signed_in(moderator)

    response = client.get(reverse("methods_admin:queue"), headers={"x-requested-with": "XMLHttpRequest"})

    assert response.status_code == 403


@pytest.mark.parametrize("role", ALLOWED_ROLES)
def test_editors_and_administrators_reach_every_page(signed_in, role, idea):
    client = signed_in(UserFactory(role=role))
    method = make_method()

    for url in pages(idea, method):
        assert client.get(url).status_code == 200, url


def test_editors_need_a_verified_session(client, editor, idea):
    client.force_login(editor)

    response = client.get(reverse("methods_admin:queue"))

    assert response.status_code == 302
    assert not response["Location"].startswith(reverse("methods_admin:queue"))


def test_actions_without_a_csrf_token_are_refused(verified_login, editor, idea):
    client = Client(enforce_csrf_checks=True)
    verified_login(client, editor)
    method = make_method()

    for url, data in posts(idea, method):
        assert client.post(url, data).status_code == 403, url
    assert nothing_changed(method)


def test_the_editor_role_holds_the_research_library_permissions(editor, moderator):
    for permission in ("methods.add_researchitem", "methods.change_researchitem", "methods.delete_researchitem"):
        assert editor.has_perm(permission), permission
        assert not moderator.has_perm(permission), permission
    assert UserFactory(role=Role.ADMINISTRATOR).has_perm("methods.add_researchitem")
