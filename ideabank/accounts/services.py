"""Rules for accounts: who may sign up, and how operators create users."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Invitation, Organisation, User
from .roles import Role, assign_role


class SignupRefused(Exception):
    pass


def email_domain(email):
    return email.rsplit("@", 1)[-1].strip().lower()


def organisation_for_domain(domain):
    """The organisation that carries this e-mail domain, if any."""
    for organisation in Organisation.objects.exclude(email_domains=""):
        if domain in organisation.domain_list:
            return organisation
    return None


def signup_organisation(email, organisation=None, invitation=None):
    """Decide which organisation a new account joins, or refuse the sign-up.

    An invitation decides by itself. Otherwise the e-mail domain must belong to an organisation
    (which then is the user's) or be listed in IDEABANK_SIGNUP_DOMAINS (then the user chooses).
    """
    from django.conf import settings

    if invitation is not None:
        if not invitation.is_valid or invitation.email.lower() != email.lower():
            raise SignupRefused(_("Invitationen er ugyldig, brugt eller udløbet."))
        return invitation.organisation
    domain = email_domain(email)
    owner = organisation_for_domain(domain)
    if owner is not None:
        return owner
    if domain in [d.lower() for d in settings.IDEABANK_SIGNUP_DOMAINS]:
        if organisation is None:
            raise SignupRefused(_("Vælg den organisation, du arbejder for."))
        return organisation
    raise SignupRefused(
        _("E-mail-domænet %(domain)s kan ikke oprette sig. Brug din arbejdsmail eller bed om en invitation.")
        % {"domain": domain}
    )


@transaction.atomic
def sign_up(*, email, password, display_name, job_title="", organisation=None, invitation=None):
    chosen = signup_organisation(email, organisation, invitation)
    user = User.objects.create_user(
        email=email, password=password, display_name=display_name, job_title=job_title, organisation=chosen
    )
    assign_role(user, Role.MEDARBEJDER)
    if invitation is not None:
        Invitation.objects.filter(pk=invitation.pk).update(used_at=timezone.now())
    return user


@transaction.atomic
def create_or_update_user(*, email, role, organisation, password=None, display_name=None):
    """Used by the `create_user` command: creates the user, or updates role and organisation."""
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        user = User.objects.create_user(
            email=email, password=password, display_name=display_name or email.split("@")[0], organisation=organisation
        )
    else:
        user.organisation = organisation
        if display_name:
            user.display_name = display_name
        if password:
            user.set_password(password)
        user.save()
    assign_role(user, role)
    return user, created
