"""Self sign-up (DESIGN §1): by e-mail domain, by IDEABANK_SIGNUP_DOMAINS with a chosen
organisation, or by invitation. Everyone who signs up is a Medarbejder."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ideabank.accounts.models import Invitation, Organisation, User
from ideabank.accounts.roles import Role, role_of
from tests.factories import PASSWORD, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP_URL = reverse("accounts:signup")


@pytest.fixture
def aarhus_domain(aarhus):
    aarhus.email_domains = "aarhus.dk, mso.aarhus.dk"
    aarhus.save()
    return aarhus


def form_data(email, **overrides):
    data = {
        "email": email,
        "display_name": "Karen Blixen",
        "job_title": "Socialrådgiver",
        "organisation": "",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(overrides)
    return data


def logged_in_user(client):
    response = client.get(reverse("accounts:profile"))
    return response.wsgi_request.user if response.status_code == 200 else None


def test_signup_page_renders(client):
    response = client.get(SIGNUP_URL)
    assert response.status_code == 200
    assert "Opret konto" in response.content.decode()


def test_signup_with_an_organisation_domain_joins_it_as_medarbejder(client, aarhus_domain):
    response = client.post(SIGNUP_URL, form_data("Karen@Aarhus.dk"))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    user = User.objects.get(email="karen@aarhus.dk")
    assert user.organisation == aarhus_domain
    assert user.display_name == "Karen Blixen"
    assert user.job_title == "Socialrådgiver"
    assert user.check_password(PASSWORD)
    assert role_of(user) == Role.MEDARBEJDER
    assert list(user.groups.values_list("name", flat=True)) == ["Medarbejder"]
    assert not user.is_superuser
    assert not user.is_staff
    assert logged_in_user(client) == user


def test_second_domain_on_the_organisation_also_works(client, aarhus_domain):
    response = client.post(SIGNUP_URL, form_data("ole@mso.aarhus.dk"))
    assert response.status_code == 302
    assert User.objects.get(email="ole@mso.aarhus.dk").organisation == aarhus_domain


def test_domain_owner_wins_over_a_chosen_organisation(client, aarhus_domain, odense):
    client.post(SIGNUP_URL, form_data("karen@aarhus.dk", organisation=odense.pk))
    assert User.objects.get(email="karen@aarhus.dk").organisation == aarhus_domain


def test_signup_shows_a_welcome_message(client, aarhus_domain):
    response = client.post(SIGNUP_URL, form_data("karen@aarhus.dk"), follow=True)
    assert response.status_code == 200
    assert "Velkommen til Idébanken, Karen Blixen." in response.content.decode()


def test_unknown_domain_is_refused_in_danish_and_creates_nothing(client, aarhus_domain):
    users_before = User.objects.count()
    response = client.post(SIGNUP_URL, form_data("karen@gmail.com"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "E-mail-domænet gmail.com kan ikke oprette sig" in content
    assert "invitation" in content
    assert response.context["form"].errors["email"]
    assert User.objects.count() == users_before
    assert not User.objects.filter(email="karen@gmail.com").exists()
    assert logged_in_user(client) is None


def test_a_lookalike_domain_is_refused(client, aarhus_domain):
    response = client.post(SIGNUP_URL, form_data("karen@notaarhus.dk"))
    assert response.status_code == 200
    assert not User.objects.filter(email="karen@notaarhus.dk").exists()


def test_organisation_without_domains_lets_nobody_in(client, aarhus):
    aarhus.email_domains = ""
    aarhus.save()
    response = client.post(SIGNUP_URL, form_data("karen@aarhus.dk"))
    assert response.status_code == 200
    assert not User.objects.filter(email="karen@aarhus.dk").exists()


# --- IDEABANK_SIGNUP_DOMAINS -----------------------------------------------------------------


def test_signup_domain_setting_lets_the_user_choose_an_organisation(client, settings):
    settings.IDEABANK_SIGNUP_DOMAINS = ["frivillig.dk"]
    forening = OrganisationFactory(name="Kirkens Korshær")

    response = client.post(SIGNUP_URL, form_data("per@frivillig.dk", organisation=forening.pk))

    assert response.status_code == 302
    user = User.objects.get(email="per@frivillig.dk")
    assert user.organisation == forening
    assert role_of(user) == Role.MEDARBEJDER
    assert logged_in_user(client) == user


def test_signup_domain_setting_requires_an_organisation(client, settings):
    settings.IDEABANK_SIGNUP_DOMAINS = ["frivillig.dk"]
    response = client.post(SIGNUP_URL, form_data("per@frivillig.dk"))

    assert response.status_code == 200
    assert "Vælg den organisation, du arbejder for." in response.content.decode()
    assert not User.objects.filter(email="per@frivillig.dk").exists()


def test_signup_domain_setting_is_case_insensitive(client, settings, odense):
    settings.IDEABANK_SIGNUP_DOMAINS = ["Frivillig.DK"]
    response = client.post(SIGNUP_URL, form_data("Per@frivillig.dk", organisation=odense.pk))
    assert response.status_code == 302
    assert User.objects.get(email="per@frivillig.dk").organisation == odense


def test_domain_not_in_the_setting_is_still_refused(client, settings, odense):
    settings.IDEABANK_SIGNUP_DOMAINS = ["frivillig.dk"]
    response = client.post(SIGNUP_URL, form_data("per@gmail.com", organisation=odense.pk))
    assert response.status_code == 200
    assert not User.objects.filter(email="per@gmail.com").exists()


# --- invitations -----------------------------------------------------------------------------


@pytest.fixture
def invitation(odense, administrator):
    return Invitation.objects.create(email="gaest@gmail.com", organisation=odense, invited_by=administrator)


def test_invitation_page_prefills_the_email_and_names_the_organisation(client, invitation):
    response = client.get(SIGNUP_URL, {"invitation": invitation.token})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Odense Kommune" in content
    assert invitation.token in content
    assert response.context["form"].initial["email"] == invitation.email


def test_invitation_lets_another_domain_sign_up(client, invitation, odense):
    response = client.post(f"{SIGNUP_URL}?invitation={invitation.token}", form_data(invitation.email))

    assert response.status_code == 302
    user = User.objects.get(email=invitation.email)
    assert user.organisation == odense
    assert role_of(user) == Role.MEDARBEJDER
    assert logged_in_user(client) == user
    invitation.refresh_from_db()
    assert invitation.used_at is not None
    assert not invitation.is_valid


def test_invitation_token_may_come_in_the_form(client, invitation, odense):
    response = client.post(SIGNUP_URL, {**form_data(invitation.email), "invitation": invitation.token})
    assert response.status_code == 302
    assert User.objects.get(email=invitation.email).organisation == odense


def test_invitation_decides_the_organisation(client, invitation, odense, aarhus):
    client.post(SIGNUP_URL, {**form_data(invitation.email, organisation=aarhus.pk), "invitation": invitation.token})
    assert User.objects.get(email=invitation.email).organisation == odense


def test_invitation_cannot_be_reused(client, invitation):
    first = client.post(SIGNUP_URL, {**form_data(invitation.email), "invitation": invitation.token})
    assert first.status_code == 302
    # The account goes away (e.g. deleted by an administrator); the used invitation stays used.
    User.objects.filter(email=invitation.email).delete()
    client.logout()

    second = client.post(SIGNUP_URL, {**form_data(invitation.email), "invitation": invitation.token})

    assert second.status_code == 200
    assert "Invitationen er ugyldig, brugt eller udløbet." in second.content.decode()
    assert not User.objects.filter(email=invitation.email).exists()


def test_invitation_is_for_its_own_email_only(client, invitation):
    response = client.post(SIGNUP_URL, {**form_data("someone@gmail.com"), "invitation": invitation.token})
    assert response.status_code == 200
    assert "Invitationen er ugyldig, brugt eller udløbet." in response.content.decode()
    assert not User.objects.filter(email="someone@gmail.com").exists()
    invitation.refresh_from_db()
    assert invitation.used_at is None


def test_expired_invitation_is_refused(client, invitation, settings):
    Invitation.objects.filter(pk=invitation.pk).update(
        created=timezone.now() - timedelta(days=settings.IDEABANK_INVITATION_DAYS + 1)
    )
    response = client.post(SIGNUP_URL, {**form_data(invitation.email), "invitation": invitation.token})
    assert response.status_code == 200
    assert "Invitationen er ugyldig, brugt eller udløbet." in response.content.decode()
    assert not User.objects.filter(email=invitation.email).exists()


def test_unknown_invitation_token_falls_back_to_the_domain_rule(client):
    response = client.post(SIGNUP_URL, {**form_data("karen@gmail.com"), "invitation": "no-such-token"})
    assert response.status_code == 200
    assert not User.objects.filter(email="karen@gmail.com").exists()


# --- bad input -------------------------------------------------------------------------------


def test_password_mismatch_is_refused(client, aarhus_domain):
    response = client.post(SIGNUP_URL, form_data("karen@aarhus.dk", password2=PASSWORD + "x"))
    assert response.status_code == 200
    assert "De to adgangskoder er ikke ens." in response.content.decode()
    assert response.context["form"].errors["password2"]
    assert not User.objects.filter(email="karen@aarhus.dk").exists()


@pytest.mark.parametrize("weak", ["kort1", "1234567890123", "password123", "karen.blixen"])
def test_weak_password_is_refused(client, aarhus_domain, weak):
    response = client.post(SIGNUP_URL, form_data("karen.blixen@aarhus.dk", password1=weak, password2=weak))
    assert response.status_code == 200
    assert response.context["form"].errors["password1"]
    assert not User.objects.filter(email="karen.blixen@aarhus.dk").exists()


def test_password_like_the_display_name_is_refused(client, aarhus_domain):
    """The form hands the display name to the validators; a password that is the user's name must fail."""
    response = client.post(SIGNUP_URL, form_data("kb@aarhus.dk", password1="karenblixen1", password2="karenblixen1"))
    assert response.status_code == 200
    assert response.context["form"].errors["password1"]
    assert not User.objects.filter(email="kb@aarhus.dk").exists()


def test_short_password_message_is_danish(client, aarhus_domain):
    response = client.post(SIGNUP_URL, form_data("karen@aarhus.dk", password1="kort1", password2="kort1"))
    assert "Denne adgangskode er for kort" in response.content.decode()


def test_duplicate_email_is_refused(client, aarhus_domain):
    existing = UserFactory(email="karen@aarhus.dk", organisation=aarhus_domain)
    response = client.post(SIGNUP_URL, form_data("KAREN@aarhus.dk", display_name="Anden Karen"))

    assert response.status_code == 200
    assert "Der findes allerede en konto med denne e-mail." in response.content.decode()
    assert User.objects.filter(email__iexact="karen@aarhus.dk").count() == 1
    existing.refresh_from_db()
    assert existing.display_name != "Anden Karen"
    assert existing.check_password(PASSWORD)


@pytest.mark.parametrize("missing", ["email", "display_name", "password1", "password2"])
def test_required_fields(client, aarhus_domain, missing):
    data = form_data("karen@aarhus.dk")
    data[missing] = ""
    response = client.post(SIGNUP_URL, data)
    assert response.status_code == 200
    assert response.context["form"].errors[missing]
    assert not User.objects.filter(email="karen@aarhus.dk").exists()


def test_invalid_email_is_refused(client, aarhus_domain):
    response = client.post(SIGNUP_URL, form_data("not-an-email"))
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert Organisation.objects.get(pk=aarhus_domain.pk).members.count() == 0
