"""Rules for accounts: who may sign up, how a profile changes, how operators create users, and how
moderators block and unblock them."""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ideabank.errors import require
from ideabank.validators import NAME_VALIDATORS

from .models import Invitation, Organisation, User
from .roles import Role, assign_role, has_role, is_editor, is_moderator
from .sessions import end_sessions

PROFILE_FIELDS = ("display_name", "job_title", "language")


class ActivationTokenGenerator(PasswordResetTokenGenerator):
    """Links that confirm a new account's e-mail. A link stops working once the account has been used."""

    key_salt = "ideabank.accounts.activation"


activation_tokens = ActivationTokenGenerator()


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
    """Create the account, or return None when the e-mail already has one.

    Only an invitation (which reached this very address) makes an active account at once; any other new
    account waits until its owner follows the link in the confirmation e-mail (see `activate`). Callers
    answer both cases alike and send the e-mail (ideabank.accounts.emails), so that sign-up never tells
    whether an address has an account.
    """
    chosen = signup_organisation(email, organisation, invitation)
    if User.objects.filter(email__iexact=email).exists():
        return None
    user = User.objects.create_user(
        email=email,
        password=password,
        display_name=display_name,
        job_title=job_title,
        organisation=chosen,
        is_active=invitation is not None,
    )
    assign_role(user, Role.MEDARBEJDER)
    if invitation is not None:
        Invitation.objects.filter(pk=invitation.pk).update(used_at=timezone.now())
    return user


def awaits_activation(user):
    """A new account whose owner has not yet confirmed the e-mail (blocked accounts have logged in before)."""
    return not user.is_active and user.last_login is None and user.deleted_at is None


@transaction.atomic
def activate(user, token):
    """Open a new account from its confirmation link; False when the link is wrong, used or expired."""
    if user is None or not awaits_activation(user) or not activation_tokens.check_token(user, token):
        return False
    User.objects.filter(pk=user.pk).update(is_active=True)
    user.is_active = True
    return True


def update_profile(user, **changes):
    """Change the profile fields (PROFILE_FIELDS) with the profile form's rules; nothing changes on an error."""
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise ValidationError(_("Ukendte felter: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    # null clears a field, as an empty string does; required fields then say so.
    changes = {name: (value or "").strip() for name, value in changes.items()}
    candidate = User.objects.get(pk=user.pk)
    for name, value in changes.items():
        setattr(candidate, name, value)
    excluded = [field.name for field in User._meta.fields if field.name not in changes]
    candidate.full_clean(exclude=excluded, validate_unique=False)
    for name, value in changes.items():
        setattr(user, name, value)
    if changes:
        user.save(update_fields=list(changes))
    return user


def check_token_name(name):
    """An API token's name is shown on the profile page: the same rules as any name a user types."""
    name = (name or "").strip()[:100] or "API"
    for validator in NAME_VALIDATORS:
        try:
            validator(name)
        except ValidationError as error:
            raise ValidationError({"name": error.messages}) from error
    return name


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


# ---- blocking ----------------------------------------------------------------------------------


@transaction.atomic
def block_user(moderator, user, reason=""):
    """Block a user: no more logins, and every open session ends now."""
    require(is_moderator(moderator), _("Kun moderatorer kan blokere brugere."))
    require(user.pk != moderator.pk, _("Du kan ikke blokere dig selv."))
    require(not has_role(user, Role.MODERATOR) or is_editor(moderator), _("Kun redaktører kan blokere moderatorer."))
    type(user).objects.filter(pk=user.pk).update(is_active=False)
    user.is_active = False
    end_sessions(user)
    log(instance=user, action="ideabank.block", user=moderator, data={"reason": reason})
    return user


@transaction.atomic
def unblock_user(moderator, user):
    require(is_moderator(moderator), _("Kun moderatorer kan ophæve blokeringer."))
    require(user.deleted_at is None, _("Kontoen er slettet og kan ikke åbnes igen."))
    type(user).objects.filter(pk=user.pk).update(is_active=True)
    user.is_active = True
    log(instance=user, action="ideabank.unblock", user=moderator)
    return user
