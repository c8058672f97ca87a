"""The personal-data guard as the default for every text field, not a list to remember.

Every CharField and TextField of the project's own models must carry the guard (``NoCprNumber``, via
``USER_TEXT_VALIDATORS``), unless it is named below with the reason it holds no text a person typed.
A system check enforces that, so a text field added later without the guard fails ``manage.py check`` and
the test suite. The same list drives ``manage.py scan_personal_data`` over the rows already stored.
"""

from django.apps import apps
from django.core import checks
from django.db import models

from ideabank.validators import NoCprNumber, contains_cpr_number

# The project's own apps: everything under ideabank/, and the two top-level packages.
TOP_LEVEL_APPS = ("home", "search")

NOT_TYPED_TEXT = {
    "accounts.User.password": "a password hash",
    "accounts.Invitation.token": "a generated secret",
    "accounts.UserSession.session_key": "Django's session key",
    "accounts.UserSession.session_data": "Django's signed session data",
    "taxonomy.Region.name": "reference data from the municipalities list",
    "taxonomy.Municipality.name": "reference data from the municipalities list",
    "spread.CitizenCode.code": "a generated one-meeting code",
    "taxonomy.OldSlug.old": "a retired slug, made from a guarded name",
    "taxonomy.OldSlug.current": "a slug, made from a guarded name",
    "methods.AssessmentScore.element": "the key of one of the 11 elements",
    "notifications.Notification.detail": "copied from text that passed the guard",
    "mfa.RecoveryCode.digest": "a hash of a recovery code",
    "mfa.RecoveryDevice.name": "a device label the system sets",
    "sso.IdentityProvider.client_id": "an identifier issued by the identity provider",
    "sso.IdentityProvider.client_secret_encrypted": "an encrypted secret",
    "sso.IdentityProvider.email_domains": "domain names",
    "sso.SsoIdentity.subject": "an identifier issued by the identity provider",
    "search.SearchEntry.title": "a search copy of guarded text",
    "search.SearchEntry.tags": "a search copy of guarded text",
    "search.SearchEntry.body": "a search copy of guarded text",
    "search.SearchEntry.rest": "a search copy of guarded text",
    "attachments.Attachment.text": "extracted from the file, scanned by the attachment checks before storing",
    "search.SearchEntry.files": "a search copy of attached files' text, scanned before it was stored",
    "search.SearchTerm.term": "a word from the search index of guarded text",
}
"""Fields that hold no text a person typed, each with the reason."""

# Text by construction: a fixed choice, a slug, an address or a link.
NOT_FREE_TEXT = (models.SlugField, models.EmailField, models.URLField)


def field_key(field):
    return f"{field.model._meta.label}.{field.name}"


def is_guarded(field):
    return any(isinstance(validator, NoCprNumber) for validator in field.validators)


def text_fields(model):
    """The model's own free-text fields (inherited framework fields, such as a Wagtail page's, excluded)."""
    for field in model._meta.get_fields():
        if (
            isinstance(field, models.CharField | models.TextField)
            and field.model is model
            and not field.choices
            and not isinstance(field, NOT_FREE_TEXT)
            and field_key(field) not in NOT_TYPED_TEXT
        ):
            yield field


def project_models():
    for config in apps.get_app_configs():
        if config.name.startswith("ideabank.") or config.name in TOP_LEVEL_APPS:
            yield from (model for model in config.get_models() if not model._meta.abstract)


def user_text_fields():
    """(model, field) for every field of the project that holds text a person typed."""
    for model in project_models():
        for field in text_fields(model):
            yield model, field


@checks.register(checks.Tags.models)
def check_user_text_is_guarded(app_configs=None, **kwargs):
    return [
        checks.Error(
            f"{field_key(field)} holds user text without the personal-data guard.",
            hint="Add ideabank.validators.USER_TEXT_VALIDATORS to its validators, or name it in "
            "ideabank.personal_data.NOT_TYPED_TEXT with the reason it holds no typed text.",
            obj=field,
            id="ideabank.E001",
        )
        for _model, field in user_text_fields()
        if not is_guarded(field)
    ]


def scan_stored_rows():
    """Yield (model, pk, field name) for every stored value that holds a CPR number; never the value."""
    for model, field in user_text_fields():
        rows = model._default_manager.exclude(**{field.name: ""}).values_list("pk", field.name)
        for pk, value in rows.iterator(chunk_size=2000):
            if contains_cpr_number(value):
                yield model, pk, field.name
