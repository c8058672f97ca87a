"""The signed-in cache (ideabank/accounts/signed_in.py): a signed-in request reads its session and user
without the database, and every change that must end a session or alter a user is seen on the next request."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from ideabank.accounts import sessions, signed_in
from ideabank.accounts.models import User
from ideabank.accounts.roles import Role, assign_role, role_of

pytestmark = pytest.mark.django_db

FLOOR = reverse("floor")
PROFILE_URL = reverse("accounts:profile")


def logged_in(user):
    browser = Client()
    browser.force_login(user)
    browser.get(FLOOR)  # the first request fills the cache
    return browser


def is_logged_in(browser):
    return browser.get(PROFILE_URL).status_code == 200


def test_a_signed_in_request_reads_neither_session_nor_user_from_the_database(staff, django_assert_num_queries):
    browser = logged_in(staff)
    with django_assert_num_queries(0):
        assert browser.get(FLOOR).status_code == 200


def test_without_a_shared_cache_both_come_from_the_database(staff, settings, django_assert_num_queries):
    settings.IDEABANK_SIGNED_IN_CACHE_SECONDS = 0
    browser = logged_in(staff)
    with django_assert_num_queries(2):  # the session, the user with the organisation
        assert browser.get(FLOOR).status_code == 200
    assert cache.get(signed_in.USER_KEY.format(staff.pk)) is None


def test_the_cached_user_carries_organisation_and_role(staff):
    user = signed_in.cached_user(staff.pk)
    assert user.organisation.name == staff.organisation.name
    assert user._ideabank_role == Role.MEDARBEJDER


def test_logging_out_everywhere_ends_the_cached_sessions(staff):
    phone, laptop = logged_in(staff), logged_in(staff)
    assert is_logged_in(phone) and is_logged_in(laptop)
    sessions.end_sessions(staff)
    assert not is_logged_in(phone)
    assert not is_logged_in(laptop)


def test_logging_out_everywhere_but_here_keeps_this_session(staff):
    phone, laptop = logged_in(staff), logged_in(staff)
    sessions.end_sessions(staff, keep=laptop.session.session_key)
    assert not is_logged_in(phone)
    assert is_logged_in(laptop)


def test_a_user_deactivated_by_a_bulk_update_is_signed_out_at_once(staff):
    browser = logged_in(staff)
    User.objects.filter(pk=staff.pk).update(is_active=False)
    assert not is_logged_in(browser)


def test_a_new_role_counts_on_the_next_request(staff):
    signed_in.cached_user(staff.pk)
    assign_role(staff, Role.REDAKTOER)
    assert role_of(signed_in.cached_user(staff.pk)) == Role.REDAKTOER


def test_a_group_emptied_from_its_side_is_seen(moderator):
    assert role_of(signed_in.cached_user(moderator.pk)) == Role.MODERATOR
    moderator.groups.first().user_set.clear()
    assert role_of(signed_in.cached_user(moderator.pk)) == Role.MEDARBEJDER


def test_a_renamed_organisation_is_seen(staff):
    signed_in.cached_user(staff.pk)
    staff.organisation.name = "Aarhus Kommune, Socialforvaltningen"
    staff.organisation.save()
    assert signed_in.cached_user(staff.pk).organisation.name == "Aarhus Kommune, Socialforvaltningen"


def test_a_deleted_user_is_gone(staff):
    signed_in.cached_user(staff.pk)
    User.objects.filter(pk=staff.pk).delete()
    assert signed_in.cached_user(staff.pk) is None


def test_a_session_is_cached_no_longer_than_the_setting(staff, settings):
    settings.IDEABANK_SIGNED_IN_CACHE_SECONDS = 60
    assert signed_in.capped(8 * 3600) == 60
    assert signed_in.capped(10) == 10
