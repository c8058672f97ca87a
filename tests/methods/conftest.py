"""Fixtures for the knowledge ladder: an idea worth promoting, people in every role, and admin sessions that
have passed two-factor (the Wagtail admin asks it of moderators and above)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from ideabank.accounts.roles import Role
from ideabank.taxonomy.models import TargetGroup, Theme
from tests.factories import IdeaFactory, UserFactory, method_index

# Who may take ideas up the ladder: (role, allowed). None is an anonymous visitor.
ROLES = [
    (None, False),
    (Role.MEDARBEJDER, False),
    (Role.MODERATOR, False),
    (Role.REDAKTOER, True),
    (Role.ADMINISTRATOR, True),
]
REFUSED_ROLES = [role for role, allowed in ROLES if not allowed and role is not None]
ALLOWED_ROLES = [role for role, allowed in ROLES if allowed]


def person(role):
    return AnonymousUser() if role is None else UserFactory(role=role)


@pytest.fixture
def index(db):
    return method_index()


@pytest.fixture
def target_group(db):
    return TargetGroup.objects.order_by("name").first()


@pytest.fixture
def theme(db):
    return Theme.objects.order_by("name").first()


@pytest.fixture
def idea(db, staff, target_group, theme):
    """A published idea by `staff` (Aarhus) with a target group, a theme and two tags."""
    return IdeaFactory(
        author=staff,
        title="Fast kontaktperson efter anbringelse",
        problem="Unge mister deres voksne kontakter, når anbringelsen slutter.\n\nMange falder fra uddannelse.",
        solution="Hver ung får en fast kontaktperson i to år.\nKontaktpersonen ringer hver uge.",
        target_groups=[target_group],
        themes=[theme],
        tags=["efterværn", "unge"],
    )


@pytest.fixture
def signed_in(client, verified_login):
    """`signed_in(user)`: the test client logged in as `user`, past two-factor when the role needs it."""

    def log_in(user):
        if user.is_authenticated:
            verified_login(client, user)
        return client

    return log_in
