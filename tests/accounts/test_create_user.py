"""`manage.py create_user EMAIL --role … --organisation-code CODE` (DESIGN §6)."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ideabank.accounts.models import User
from ideabank.accounts.roles import Role, role_of
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def run(*args, **options):
    out = StringIO()
    call_command("create_user", *args, stdout=out, **options)
    return out.getvalue()


def generated_password(output):
    match = re.search(r"Password: (\S+)", output)
    assert match, output
    return match.group(1)


def test_creates_a_user_with_role_and_municipal_organisation(aarhus):
    output = run("ny@aarhus.dk", role="moderator", organisation_code="751", password="en-lang-adgangskode")

    user = User.objects.get(email="ny@aarhus.dk")
    assert user.organisation == aarhus
    assert user.organisation.name == "Aarhus Kommune"
    assert role_of(user) == Role.MODERATOR
    assert user.check_password("en-lang-adgangskode")
    assert user.is_active
    assert "Created ny@aarhus.dk" in output
    assert "Password:" not in output


def test_generated_password_is_printed_and_works(client, aarhus):
    output = run("ny@aarhus.dk", role="medarbejder", organisation_code="751")

    password = generated_password(output)
    assert len(password) >= 12
    user = User.objects.get(email="ny@aarhus.dk")
    assert user.check_password(password)
    assert user.has_usable_password()
    response = client.post("/konto/log-ind/", {"username": "ny@aarhus.dk", "password": password})
    assert response.status_code == 302


def test_generated_passwords_differ(aarhus):
    first = generated_password(run("a@aarhus.dk", role="medarbejder", organisation_code="751"))
    second = generated_password(run("b@aarhus.dk", role="medarbejder", organisation_code="751"))
    assert first != second


def test_display_name_option(aarhus):
    run("ny@aarhus.dk", role="medarbejder", organisation_code="751", name="Niels Nielsen")
    assert User.objects.get(email="ny@aarhus.dk").display_name == "Niels Nielsen"


def test_display_name_defaults_to_the_local_part(aarhus):
    run("niels.nielsen@aarhus.dk", role="medarbejder", organisation_code="751")
    assert User.objects.get(email="niels.nielsen@aarhus.dk").display_name == "niels.nielsen"


def test_email_is_stored_lower_case(aarhus):
    run("Ny.Bruger@Aarhus.DK", role="medarbejder", organisation_code="751")
    assert User.objects.filter(email="ny.bruger@aarhus.dk").exists()


@pytest.mark.parametrize(
    ("role", "superuser"),
    [("medarbejder", False), ("moderator", False), ("redaktoer", False), ("administrator", True)],
)
def test_each_role(aarhus, role, superuser):
    run("ny@aarhus.dk", role=role, organisation_code="751")
    user = User.objects.get(email="ny@aarhus.dk")
    assert role_of(user) == Role(role)
    assert user.is_superuser is superuser
    assert user.groups.count() == 1


def test_rerun_updates_role_and_organisation_without_duplicating(aarhus, odense):
    output = run("ny@aarhus.dk", role="medarbejder", organisation_code="751", password="en-lang-adgangskode")
    assert "Created" in output

    output = run("ny@aarhus.dk", role="redaktoer", organisation_code="461")

    assert User.objects.filter(email__iexact="ny@aarhus.dk").count() == 1
    user = User.objects.get(email="ny@aarhus.dk")
    assert user.organisation == odense
    assert role_of(user) == Role.REDAKTOER
    assert list(user.groups.values_list("name", flat=True)) == ["Redaktør"]
    assert "Updated ny@aarhus.dk" in output


def test_rerun_without_password_keeps_the_password(aarhus):
    run("ny@aarhus.dk", role="medarbejder", organisation_code="751", password="en-lang-adgangskode")

    output = run("ny@aarhus.dk", role="moderator", organisation_code="751")

    assert "Password:" not in output
    assert User.objects.get(email="ny@aarhus.dk").check_password("en-lang-adgangskode")


def test_rerun_with_a_password_sets_it(aarhus):
    run("ny@aarhus.dk", role="medarbejder", organisation_code="751", password="en-lang-adgangskode")
    run("ny@aarhus.dk", role="medarbejder", organisation_code="751", password="en-anden-adgangskode")
    user = User.objects.get(email="ny@aarhus.dk")
    assert user.check_password("en-anden-adgangskode")
    assert not user.check_password("en-lang-adgangskode")


def test_rerun_matches_the_email_case_insensitively(aarhus, odense):
    run("ny@aarhus.dk", role="medarbejder", organisation_code="751")
    run("NY@Aarhus.dk", role="moderator", organisation_code="461")
    assert User.objects.filter(email__iexact="ny@aarhus.dk").count() == 1
    assert role_of(User.objects.get(email="ny@aarhus.dk")) == Role.MODERATOR


def test_demoting_an_administrator_removes_superuser(aarhus):
    run("ny@aarhus.dk", role="administrator", organisation_code="751")
    run("ny@aarhus.dk", role="medarbejder", organisation_code="751")
    user = User.objects.get(email="ny@aarhus.dk")
    assert not user.is_superuser
    assert not user.is_staff
    assert role_of(user) == Role.MEDARBEJDER


def test_organisation_by_slug(db):
    forening = OrganisationFactory(name="Kirkens Korshær")
    run("ny@korshaer.dk", role="medarbejder", organisation_code=forening.slug)
    assert User.objects.get(email="ny@korshaer.dk").organisation == forening


def test_unknown_role_is_a_clear_error(aarhus):
    with pytest.raises(CommandError) as error:
        run("ny@aarhus.dk", role="superhelt", organisation_code="751")
    message = str(error.value)
    assert "superhelt" in message
    for role in Role.values:
        assert role in message
    assert not User.objects.filter(email="ny@aarhus.dk").exists()


@pytest.mark.parametrize("code", ["999", "9999", "ingen-saadan-organisation"])
def test_unknown_organisation_code_is_a_clear_error(db, code):
    with pytest.raises(CommandError) as error:
        run("ny@aarhus.dk", role="medarbejder", organisation_code=code)
    assert code in str(error.value)
    assert not User.objects.filter(email="ny@aarhus.dk").exists()


def test_unknown_code_on_rerun_changes_nothing(aarhus):
    run("ny@aarhus.dk", role="moderator", organisation_code="751")
    with pytest.raises(CommandError):
        run("ny@aarhus.dk", role="medarbejder", organisation_code="999")
    user = User.objects.get(email="ny@aarhus.dk")
    assert user.organisation == aarhus
    assert role_of(user) == Role.MODERATOR


def test_role_and_code_are_required(db):
    with pytest.raises(CommandError):
        run("ny@aarhus.dk", organisation_code="751")
    with pytest.raises(CommandError):
        run("ny@aarhus.dk", role="medarbejder")


@pytest.mark.parametrize("email", ["not-an-email", "ny@", "@aarhus.dk"])
def test_invalid_email_is_a_clear_error(aarhus, email):
    users_before = User.objects.count()
    with pytest.raises(CommandError) as error:
        run(email, role="medarbejder", organisation_code="751")
    assert email in str(error.value)
    assert User.objects.count() == users_before
