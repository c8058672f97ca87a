"""The four roles of DESIGN §1: groups, Wagtail admin access, and the role hierarchy."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.urls import reverse

from ideabank.accounts.roles import GROUP_NAMES, Role, assign_role, has_role, role_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROLE_GROUPS = ["Medarbejder", "Moderator", "Redaktør", "Administrator"]


def test_the_four_role_groups_exist():
    names = set(Group.objects.values_list("name", flat=True))
    assert set(ROLE_GROUPS) <= names


def test_wagtail_default_groups_are_replaced():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_group_names_are_the_danish_role_names():
    assert [GROUP_NAMES[role] for role in Role] == ROLE_GROUPS


def test_medarbejder_group_has_no_admin_access():
    group = Group.objects.get(name="Medarbejder")
    assert not group.permissions.filter(codename="access_admin").exists()


@pytest.mark.parametrize("name", ["Moderator", "Redaktør", "Administrator"])
def test_staff_groups_have_admin_access(name):
    group = Group.objects.get(name=name)
    assert group.permissions.filter(content_type__app_label="wagtailadmin", codename="access_admin").exists()


# --- Wagtail admin access -------------------------------------------------------------------


def test_anonymous_is_sent_to_login_from_admin(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert "next=/admin/" in response["Location"]


def test_medarbejder_does_not_reach_the_admin_dashboard(client, staff):
    client.force_login(staff)
    response = client.get("/admin/")
    # Wagtail refuses a logged-in user without access_admin by sending them to its login page.
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))

    followed = client.get("/admin/", follow=True)
    template_names = [template.name for template in followed.templates]
    assert "wagtailadmin/home.html" not in template_names
    assert followed.request["PATH_INFO"] == reverse("wagtailadmin_login")
    assert not staff.has_perm("wagtailadmin.access_admin")


@pytest.mark.parametrize("fixture", ["moderator", "editor", "administrator"])
def test_moderator_editor_and_administrator_reach_the_admin(client, request, fixture, verified_login):
    user = request.getfixturevalue(fixture)
    verified_login(client, user)  # the admin wants two-factor (tests/mfa)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert any(template.name == "wagtailadmin/home.html" for template in response.templates)


def test_administrator_is_superuser_and_others_are_not(staff, moderator, editor, administrator):
    assert administrator.is_superuser
    for user in (staff, moderator, editor):
        user.refresh_from_db()
        assert not user.is_superuser
        assert not user.is_staff


def test_editor_may_manage_vocabularies_but_moderator_may_not(editor, moderator):
    assert editor.has_perm("taxonomy.change_theme")
    assert editor.has_perm("taxonomy.add_targetgroup")
    assert not moderator.has_perm("taxonomy.change_theme")


# --- role_of / has_role ---------------------------------------------------------------------


def test_role_of_each_role(staff, moderator, editor, administrator):
    assert role_of(staff) == Role.MEDARBEJDER
    assert role_of(moderator) == Role.MODERATOR
    assert role_of(editor) == Role.REDAKTOER
    assert role_of(administrator) == Role.ADMINISTRATOR


def test_role_of_anonymous_is_none():
    assert role_of(AnonymousUser()) is None
    for role in Role:
        assert not has_role(AnonymousUser(), role)


def test_user_without_groups_counts_as_medarbejder(db):
    user = UserFactory()
    user.groups.clear()
    assert role_of(user) == Role.MEDARBEJDER


@pytest.mark.parametrize(
    ("held", "asked", "expected"),
    [
        (Role.MEDARBEJDER, Role.MEDARBEJDER, True),
        (Role.MEDARBEJDER, Role.MODERATOR, False),
        (Role.MEDARBEJDER, Role.REDAKTOER, False),
        (Role.MEDARBEJDER, Role.ADMINISTRATOR, False),
        (Role.MODERATOR, Role.MEDARBEJDER, True),
        (Role.MODERATOR, Role.MODERATOR, True),
        (Role.MODERATOR, Role.REDAKTOER, False),
        (Role.MODERATOR, Role.ADMINISTRATOR, False),
        (Role.REDAKTOER, Role.MODERATOR, True),
        (Role.REDAKTOER, Role.REDAKTOER, True),
        (Role.REDAKTOER, Role.ADMINISTRATOR, False),
        (Role.ADMINISTRATOR, Role.MEDARBEJDER, True),
        (Role.ADMINISTRATOR, Role.MODERATOR, True),
        (Role.ADMINISTRATOR, Role.REDAKTOER, True),
        (Role.ADMINISTRATOR, Role.ADMINISTRATOR, True),
    ],
)
def test_has_role_is_cumulative(held, asked, expected):
    user = UserFactory(role=held)
    assert has_role(user, asked) is expected


def test_has_role_accepts_the_string_value(editor):
    assert has_role(editor, "moderator")
    assert not has_role(editor, "administrator")


def test_assign_role_replaces_the_previous_role(staff):
    assign_role(staff, Role.REDAKTOER)
    staff.refresh_from_db()
    assert list(staff.groups.values_list("name", flat=True)) == ["Redaktør"]
    assert role_of(staff) == Role.REDAKTOER

    assign_role(staff, Role.ADMINISTRATOR)
    staff.refresh_from_db()
    assert staff.is_superuser
    assert role_of(staff) == Role.ADMINISTRATOR

    assign_role(staff, Role.MEDARBEJDER)
    staff.refresh_from_db()
    assert not staff.is_superuser
    assert not staff.is_staff
    assert list(staff.groups.values_list("name", flat=True)) == ["Medarbejder"]
    assert role_of(staff) == Role.MEDARBEJDER
