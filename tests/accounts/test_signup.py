"""Self sign-up (DESIGN §1): by e-mail domain, by IDEABANK_SIGNUP_DOMAINS with a chosen
organisation, or by invitation. Everyone who signs up is a Medarbejder. Without an invitation the account
opens when its owner follows the link in the confirmation e-mail, and sign-up answers a known and an
unknown address alike (issue #14)."""

import re
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


SENT_URL = reverse("accounts:signup_sent")


def activation_link(mailbox, email):
    message = next(message for message in reversed(mailbox) if message.to == [email])
    return re.search(r"http://testserver(/konto/opret/bekraeft/\S+/)", message.body).group(1)


def activate(client, mailbox, email):
    """Follow the confirmation link as its owner would: open it, then confirm."""
    link = activation_link(mailbox, email)
    assert client.get(link).status_code == 200
    return client.post(link)


def logged_in_user(client):
    response = client.get(reverse("accounts:profile"))
    return response.wsgi_request.user if response.status_code == 200 else None


def test_signup_page_renders(client):
    response = client.get(SIGNUP_URL)
    assert response.status_code == 200
    assert "Opret konto" in response.content.decode()


def test_signup_with_an_organisation_domain_joins_it_as_medarbejder(client, aarhus_domain, mailoutbox):
    response = client.post(SIGNUP_URL, form_data("Karen@Aarhus.dk"))

    assert response.status_code == 302
    assert response["Location"] == SENT_URL
    user = User.objects.get(email="karen@aarhus.dk")
    assert not user.is_active
    assert logged_in_user(client) is None

    confirmed = activate(client, mailoutbox, "karen@aarhus.dk")

    assert confirmed["Location"] == reverse("accounts:profile")
    user.refresh_from_db()
    assert user.is_active
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


def test_signup_asks_to_check_the_email_then_welcomes(client, aarhus_domain, mailoutbox):
    response = client.post(SIGNUP_URL, form_data("karen@aarhus.dk"), follow=True)
    assert response.status_code == 200
    assert "Tjek din e-mail" in response.content.decode()
    assert mailoutbox[-1].subject == "Bekræft din e-mail til Idébanken"

    link = activation_link(mailoutbox, "karen@aarhus.dk")
    welcome = client.post(link, follow=True)
    assert "Velkommen til Idébanken, Karen Blixen." in welcome.content.decode()


def test_a_confirmation_link_works_once(client, aarhus_domain, mailoutbox):
    client.post(SIGNUP_URL, form_data("karen@aarhus.dk"))
    link = activation_link(mailoutbox, "karen@aarhus.dk")
    assert client.post(link).status_code == 302
    client.logout()

    again = client.post(link)

    assert again.status_code == 400
    assert "Linket virker ikke" in again.content.decode()
    assert logged_in_user(client) is None


@pytest.mark.parametrize("token", ["wrong-token", "²", ""])
def test_a_wrong_confirmation_link_opens_nothing(client, aarhus_domain, mailoutbox, token):
    client.post(SIGNUP_URL, form_data("karen@aarhus.dk"))
    link = activation_link(mailoutbox, "karen@aarhus.dk")
    uid = link.split("/")[-3]
    response = client.post(f"/konto/opret/bekraeft/{uid}/{token}x/")
    assert response.status_code == 400
    assert not User.objects.get(email="karen@aarhus.dk").is_active


def test_a_blocked_account_is_not_opened_by_a_confirmation_link(client, aarhus_domain, mailoutbox):
    client.post(SIGNUP_URL, form_data("karen@aarhus.dk"))
    link = activation_link(mailoutbox, "karen@aarhus.dk")
    activate(client, mailoutbox, "karen@aarhus.dk")
    client.logout()
    User.objects.filter(email="karen@aarhus.dk").update(is_active=False)  # blocked by a moderator

    assert client.post(link).status_code == 400
    assert not User.objects.get(email="karen@aarhus.dk").is_active


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


def test_signup_domain_setting_lets_the_user_choose_an_organisation(client, settings, mailoutbox):
    settings.IDEABANK_SIGNUP_DOMAINS = ["frivillig.dk"]
    forening = OrganisationFactory(name="Kirkens Korshær")

    response = client.post(SIGNUP_URL, form_data("per@frivillig.dk", organisation=forening.pk))

    assert response.status_code == 302
    user = User.objects.get(email="per@frivillig.dk")
    assert user.organisation == forening
    assert role_of(user) == Role.MEDARBEJDER


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


def test_a_known_address_gets_the_same_answer_and_its_owner_an_email(client, aarhus_domain, mailoutbox):
    existing = UserFactory(email="karen@aarhus.dk", organisation=aarhus_domain)
    known = client.post(SIGNUP_URL, form_data("KAREN@aarhus.dk", display_name="Anden Karen"))
    unknown = client.post(SIGNUP_URL, form_data("ny@aarhus.dk"))

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"]) == (302, SENT_URL)
    assert User.objects.filter(email__iexact="karen@aarhus.dk").count() == 1
    existing.refresh_from_db()
    assert existing.display_name != "Anden Karen"
    assert existing.check_password(PASSWORD)
    to_owner = next(message for message in mailoutbox if message.to == ["karen@aarhus.dk"])
    assert to_owner.subject == "Du har allerede en konto i Idébanken"
    assert "/konto/adgangskode/nulstil/" in to_owner.body
    assert "bekraeft" not in to_owner.body


def test_signing_up_again_before_confirming_sends_a_fresh_link(client, aarhus_domain, mailoutbox):
    client.post(SIGNUP_URL, form_data("karen@aarhus.dk"))
    client.post(SIGNUP_URL, form_data("karen@aarhus.dk"))
    assert len(mailoutbox) == 2
    assert "bekraeft" in mailoutbox[1].body
    assert User.objects.filter(email="karen@aarhus.dk").count() == 1


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
