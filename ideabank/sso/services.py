"""Single sign-on rules: which provider serves an e-mail, and which account a provider's answer logs into."""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ideabank.accounts.models import User
from ideabank.accounts.roles import Role, assign_role
from ideabank.validators import contains_cpr_number

from .models import IdentityProvider, SsoIdentity
from .oidc import SsoRefused

log = logging.getLogger("ideabank.sso")


def enabled_providers():
    return IdentityProvider.objects.filter(enabled=True).select_related("organisation").order_by("organisation__name")


def provider_for_email(email):
    """The enabled provider whose domains cover ``email``, if any."""
    domain = (email or "").rsplit("@", 1)[-1].strip().lower()
    if not domain:
        return None
    for provider in enabled_providers():
        if domain in provider.domain_list:
            return provider
    return None


def email_from(claims):
    """The address the provider vouches for. Entra ID sends ``email`` only when configured as an optional
    claim; its ``preferred_username`` is then the work address (UPN). A provider that says the address is
    unverified is not believed."""
    if claims.get("email_verified") is False:
        return ""
    for key in ("email", "preferred_username", "upn"):
        value = claims.get(key)
        if isinstance(value, str) and value.count("@") == 1 and len(value) <= 254:
            return value.strip().lower()
    return ""


def display_name_from(claims, email):
    name = claims.get("name")
    if not isinstance(name, str) or not name.strip():
        name = " ".join(str(claims.get(key, "")).strip() for key in ("given_name", "family_name")).strip()
    name = " ".join((name or "").split())[:150]
    if not name or contains_cpr_number(name) or any(ord(ch) < 32 for ch in name):
        name = email.split("@", 1)[0]
    return name


def refused_email(provider, email):
    return SsoRefused(
        "email_outside_domains",
        _(
            "Login blev afvist: e-mailen %(email)s hører ikke til de domæner, %(organisation)s bruger (%(domains)s). "
            "Der er ikke oprettet nogen konto."
        )
        % {"email": email or "?", "organisation": provider.organisation, "domains": ", ".join(provider.domain_list)},
    )


@transaction.atomic
def user_for_claims(provider, claims):
    """Find or create the account the validated ID token stands for. Refuses (and creates nothing) when the
    address lies outside the provider's domains or the account belongs to someone else at the provider."""
    subject = claims.get("sub")
    if not isinstance(subject, str) or not subject or len(subject) > 255:
        raise SsoRefused("invalid_sub", _("Login blev afvist: svaret fra identitetsudbyderen var ugyldigt (sub)."))
    email = email_from(claims)
    if not email or not provider.covers(email):
        raise refused_email(provider, email)

    identity = SsoIdentity.objects.select_related("user").filter(provider=provider, subject=subject).first()
    if identity is not None:
        user = identity.user
    else:
        user = User.objects.filter(email__iexact=email).first()
        if user is not None and user.sso_identities.filter(provider=provider).exists():
            log.warning("sso provider %s: %s already linked to another subject", provider.pk, user.pk)
            raise SsoRefused(
                "other_subject",
                _(
                    "Login blev afvist: kontoen med denne e-mail er knyttet til en anden person hos %(organisation)s. "
                    "Kontakt en administrator i Idébanken."
                )
                % {"organisation": provider.organisation},
            )
        if user is None:
            user = User.objects.create_user(
                email=email,
                password=None,  # unusable: this person logs in through their organisation
                display_name=display_name_from(claims, email),
                organisation=provider.organisation,
            )
            assign_role(user, Role.MEDARBEJDER)
            log.info("sso provider %s created user %s", provider.pk, user.pk)
        try:
            with transaction.atomic():
                identity = SsoIdentity.objects.create(provider=provider, subject=subject, user=user)
        except IntegrityError:  # the same person logging in twice at once
            identity = SsoIdentity.objects.select_related("user").get(provider=provider, subject=subject)
            user = identity.user
    if not user.is_active:
        raise SsoRefused("inactive", _("Denne konto er spærret."))
    if user.organisation_id is None:
        user.organisation = provider.organisation
        user.save(update_fields=["organisation"])
    SsoIdentity.objects.filter(pk=identity.pk).update(last_login=timezone.now())
    return user
