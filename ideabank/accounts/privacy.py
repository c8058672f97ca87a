"""The user's rights over their own data: a copy of everything held about them, and deletion.

Export. `export_user_data(user)` returns one JSON-ready dict, one key per section. Each section is a
function registered with `@export_section("name")`; an app that later holds more about a person (for
example adoptions, where the user is the contact) registers its own section in its AppConfig.ready(),
and the profile page, the API and the admin all pick it up:

    from ideabank.accounts import privacy

    @privacy.export_section("adoptions")
    def adoptions(user):
        return [...]

Deletion. `delete_account(user, acting=...)` anonymises the account instead of deleting the row. Ideas,
comments, tried reports and moderation records point at their author; keeping a row without personal
data lets published content stay, shown as "Tidligere medarbejder, <organisation>", without foreign keys
that dangle or cascade. What goes:

* name, e-mail (replaced by an unusable unique address), job title, password, roles, language;
* everything a real delete would cascade away: API tokens, sessions, notifications and notification
  preferences, follows, the Wagtail profile, and whatever later apps hang on the user with CASCADE
  (two-factor devices, for example) — except the audit records listed in KEPT_ON_DELETION;
* the link between the user and their votes and reports (the rows stay, so counts stay exact) and their
  drafts (never shared with anyone): the ideas app's deletion step (ideabank/ideas/privacy.py);
* failed-login records and used invitations to their e-mail;
* their name in earlier audit-log entries about the account.

An app with data that needs another treatment (e.g. adoptions naming a new contact) registers a
function with `@deletion_step`; it runs inside the same transaction before the row is anonymised.
Every deletion is written to the audit log without personal data (user id, organisation, who, when).

Retention. `purge_expired()` (run daily) deletes what is kept no longer than needed; each app registers
its own purge with `@retention("name")` (the notifications app: old notifications); this module adds
unused invitations and expired sessions.

This module knows only accounts: ideas, notifications, attachments, spread, two-factor and single sign-on
each register their sections and steps in their own privacy.py, imported by their AppConfig.ready().
"""

import uuid
from collections.abc import Callable
from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from ideabank.errors import Conflict

from .models import Invitation, UserSession
from .roles import is_administrator, role_of
from .sessions import end_sessions

DELETE_ACTION = "ideabank.account_deleted"
DELETED_EMAIL_DOMAIN = "slettet.invalid"  # .invalid never resolves (RFC 2606): nothing can be sent there
# Rows that point at the user with CASCADE but are kept on deletion: other people's records of what
# happened (Django admin's log) and editors' review comments on pages, which stay like idea comments.
KEPT_ON_DELETION = {"admin.LogEntry", "wagtailcore.Comment", "wagtailcore.CommentReply"}

_sections: dict[str, Callable] = {}
_deletion_steps: list[Callable] = []
_retention: dict[str, Callable] = {}


def export_section(name):
    """Register `function(user) -> JSON-ready value` as the section `name` of the export."""

    def register(function):
        _sections[name] = function
        return function

    return register


def deletion_step(function):
    """Register `function(user)` to run when an account is deleted, before the row is anonymised."""
    if function not in _deletion_steps:
        _deletion_steps.append(function)
    return function


def retention(name):
    """Register `function(now) -> rows deleted` as the daily purge of what is kept no longer than needed."""

    def register(function):
        _retention[name] = function
        return function

    return register


# ---- who may ---------------------------------------------------------------------------------


def require_access(acting, user):
    """Only the user themself, or an administrator, may export or delete an account."""
    if not (acting.is_authenticated and acting.is_active):
        raise PermissionDenied(_("Du skal være logget ind."))
    if acting.pk != user.pk and not is_administrator(acting):
        raise PermissionDenied(_("Du kan kun hente eller slette dine egne data."))


# ---- export ----------------------------------------------------------------------------------


def when(value):
    return value.isoformat() if value else None


def export_user_data(user, acting=None):
    """Everything held about the user, as a JSON-ready dict (sections in registration order)."""
    if acting is not None:
        require_access(acting, user)
    data = {
        "export": {
            "service": "Idébanken",
            "format_version": 1,
            "created": when(timezone.now()),
            "user_id": user.pk,
        }
    }
    for name, section in _sections.items():
        data[name] = section(user)
    return data


def export_filename(user):
    return f"idebanken-mine-data-{timezone.localdate():%Y-%m-%d}.json"


@export_section("profile")
def profile_section(user):
    organisation = user.organisation
    return {
        "email": user.email,
        "display_name": user.display_name,
        "job_title": user.job_title,
        "organisation": {"id": organisation.pk, "name": organisation.name} if organisation else None,
        "role": role_of(user),
        "language": user.language,
        "date_joined": when(user.date_joined),
        "last_login": when(user.last_login),
        "is_active": user.is_active,
    }


@export_section("api_tokens")
def api_tokens_section(user):
    """Names and dates only: neither the key nor its hash or prefix leaves the server."""
    return [
        {
            "name": token.name,
            "created": when(token.created),
            "last_used_at": when(token.last_used_at),
            "revoked_at": when(token.revoked_at),
        }
        for token in user.api_tokens.order_by("created", "pk")
    ]


@export_section("sessions")
def sessions_section(user):
    sessions = UserSession.objects.filter(user_id=user.pk, expire_date__gt=timezone.now()).order_by("expire_date")
    return [{"expires": when(session.expire_date)} for session in sessions]


# ---- deletion --------------------------------------------------------------------------------


def _cascading_relations(user_model):
    """(model, field name) for every foreign key that would delete its rows with the user."""
    for model in apps.get_models():
        if model._meta.label in KEPT_ON_DELETION:
            continue
        for field in model._meta.get_fields():
            if (
                field.is_relation
                and field.concrete
                and (field.many_to_one or field.one_to_one)
                and field.related_model is user_model
                and field.remote_field.on_delete is models.CASCADE
            ):
                yield model, field.name


def _forget_traces(user, email):
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=email).delete()
    Invitation.objects.filter(email__iexact=email).delete()
    # Earlier entries about the account were labelled with the user's name, and a block may carry a reason.
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(user, for_concrete_model=False), object_id=str(user.pk)
    )
    for entry in entries.exclude(action=DELETE_ACTION):
        entry.label = deleted_label(user)
        entry.data = {key: value for key, value in (entry.data or {}).items() if key != "reason"}
        entry.save(update_fields=["label", "data"])


def deleted_label(user):
    return f"{_('Tidligere medarbejder')} #{user.pk}"


def _check_not_last_administrator(user):
    if not is_administrator(user):
        return
    others = type(user).objects.filter(is_superuser=True, is_active=True, deleted_at__isnull=True).exclude(pk=user.pk)
    if not others.exists():
        raise Conflict(_("Kontoen er den eneste administrator og kan ikke slettes."))


@transaction.atomic
def delete_account(user, *, acting):
    """Delete (anonymise) the account; `acting` is the user themself or an administrator."""
    require_access(acting, user)
    user_model = get_user_model()
    user = user_model.objects.select_for_update().get(pk=user.pk)
    if user.deleted_at is not None:
        raise Conflict(_("Kontoen er allerede slettet."))
    _check_not_last_administrator(user)
    email = user.email
    organisation = user.organisation

    for step in _deletion_steps:
        step(user)
    for model, field in _cascading_relations(user_model):
        model._base_manager.filter(**{field: user}).delete()
    user.groups.clear()
    user.user_permissions.clear()

    user.email = f"{uuid.uuid4().hex}@{DELETED_EMAIL_DOMAIN}"
    user.display_name = "Tidligere medarbejder"  # what code that shows `display_name` directly will show
    user.job_title = ""
    user.language = settings.LANGUAGE_CODE
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.last_login = None
    user.deleted_at = timezone.now()
    user.set_unusable_password()
    user._ideabank_role = None
    user.save()
    end_sessions(user)
    _forget_traces(user, email)

    log(
        instance=user,
        action=DELETE_ACTION,
        user=acting if acting.pk != user.pk else user,
        title=deleted_label(user),
        data={
            "user_id": user.pk,
            "organisation_id": organisation.pk if organisation else None,
            "organisation": organisation.name if organisation else "",
            "by_administrator": acting.pk != user.pk,
        },
    )
    return user


# ---- retention -------------------------------------------------------------------------------


@transaction.atomic
def purge_expired(now=None):
    """Delete what is kept no longer than needed; returns {what: rows deleted}. Run daily.

    The apps' registered purges come first, then the accounts' own: unused invitations and expired sessions.
    """
    now = now or timezone.now()
    return {
        **{name: purge(now) for name, purge in _retention.items()},
        "invitations": Invitation.objects.filter(
            used_at__isnull=True, created__lt=now - timedelta(days=settings.IDEABANK_INVITATION_DAYS)
        ).delete()[0],
        "sessions": UserSession.objects.filter(expire_date__lt=now).delete()[0],
    }
