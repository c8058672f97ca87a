"""Single sign-on over OpenID Connect, configured per organisation by an administrator.

An organisation that runs its own identity provider (most municipalities: Microsoft Entra ID) lets its
staff log in with their work account instead of a password kept here. Which provider to use is decided
by the e-mail domain, and a provider may only vouch for addresses in the domains listed here.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import crypto

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


def split_domains(text):
    return [domain.strip().lower().lstrip("@") for domain in (text or "").split(",") if domain.strip()]


class IdentityProvider(models.Model):
    """One organisation's OpenID Connect identity provider (authorization code flow with PKCE)."""

    organisation = models.OneToOneField(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="identity_provider",
    )
    issuer = models.URLField(
        _("udsteder (issuer)"),
        max_length=300,
        help_text=_(
            "Identitetsudbyderens issuer-URL. Microsoft Entra ID: https://login.microsoftonline.com/<tenant-id>/v2.0"
        ),
    )
    client_id = models.CharField(_("klient-id"), max_length=200, help_text=_("Application (client) ID i Entra ID."))
    client_secret_encrypted = models.TextField(editable=False, blank=True)
    email_domains = models.CharField(
        _("e-maildomæner"),
        max_length=500,
        help_text=_("Kommasepareret, fx 'aarhus.dk, mso.aarhus.dk'. Kun adresser i disse domæner kan logge ind her."),
    )
    enabled = models.BooleanField(_("aktiv"), default=False, help_text=_("Vis og tillad login med denne udbyder."))
    created = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("fælles login (SSO)")
        verbose_name_plural = _("fælles login (SSO)")

    def __str__(self):
        return str(self.organisation)

    @property
    def domain_list(self):
        return split_domains(self.email_domains)

    def covers(self, email):
        return (email or "").rsplit("@", 1)[-1].strip().lower() in self.domain_list

    @property
    def client_secret(self):
        return crypto.decrypt(self.client_secret_encrypted)

    def set_client_secret(self, plain):
        self.client_secret_encrypted = crypto.encrypt(plain) if plain else ""

    def clean(self):
        errors = {}
        parts = urlsplit(self.issuer or "")
        # Plain http only on this machine (the tests' local provider); anything else must be https.
        if parts.scheme != "https" and not (parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS):
            errors["issuer"] = _("Udstederen skal være en https-adresse.")
        domains = self.domain_list
        if not domains:
            errors["email_domains"] = _("Angiv mindst ét e-maildomæne.")
        elif any("@" in domain or "." not in domain or " " in domain for domain in domains):
            errors["email_domains"] = _("Skriv domænerne uden @ og adskilt af komma, fx 'aarhus.dk, mso.aarhus.dk'.")
        else:
            self.email_domains = ", ".join(domains)
            taken = sorted(
                domain
                for other in IdentityProvider.objects.exclude(pk=self.pk)
                for domain in other.domain_list
                if domain in domains
            )
            if taken:
                errors["email_domains"] = _("Domænet hører allerede til en anden organisations login: %(domains)s") % {
                    "domains": ", ".join(taken)
                }
        if errors:
            raise ValidationError(errors)


class SsoIdentity(models.Model):
    """Which account a person at an identity provider is (by the provider's stable subject id), so a later
    change of e-mail address at the organisation cannot move someone into another person's account."""

    provider = models.ForeignKey(IdentityProvider, on_delete=models.CASCADE, related_name="identities")
    subject = models.CharField(max_length=255)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sso_identities")
    created = models.DateTimeField(auto_now_add=True)
    last_login = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["provider", "subject"], name="sso_identity_unique_subject")]
        verbose_name = _("SSO-identitet")
        verbose_name_plural = _("SSO-identiteter")

    def __str__(self):
        return f"{self.provider}: {self.subject}"
