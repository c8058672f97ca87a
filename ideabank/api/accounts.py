from datetime import datetime
from typing import Annotated, Literal

from django.conf import settings
from django.contrib.auth import authenticate
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.throttling import AnonRateThrottle
from pydantic import BaseModel, ConfigDict, Field
from wagtail.models import APIToken

from ideabank.accounts import privacy, services
from ideabank.accounts.models import Organisation, User
from ideabank.accounts.roles import is_administrator, role_of
from ideabank.mfa import services as mfa_services

from .auth import authenticated
from .errors import labelled
from .schemas import Id, choice

router = Router(tags=["accounts"])


class TokenRequest(Schema):
    email: str
    password: str
    name: str = "API"


class TokenOut(Schema):
    token: str


class OrganisationOut(Schema):
    id: Id
    name: str
    slug: str
    kind: choice(Organisation.Kind)
    municipality_code: int | None = None
    region_code: int | None = None


class MeOut(Schema):
    id: Id
    email: str
    display_name: str
    job_title: str
    language: Literal["da", "en"]
    role: str
    organisation: OrganisationOut | None


class ExportInfoOut(Schema):
    service: str
    format_version: Annotated[int, Field(ge=1)]
    created: datetime
    user_id: Id


class PersonalDataOut(BaseModel):
    """`export` describes the file; every other key is a section (profile, ideas, comments, votes, follows,
    notifications, tried reports, content reports, API tokens, sessions …), added to as the service holds more."""

    # A plain pydantic model: a ninja Schema would drop the sections it does not name.
    model_config = ConfigDict(extra="allow")

    export: ExportInfoOut


def organisation_out(organisation):
    if organisation is None:
        return None
    return {
        "id": organisation.pk,
        "name": organisation.name,
        "slug": organisation.slug,
        "kind": organisation.kind,
        "municipality_code": organisation.municipality_id,
        "region_code": organisation.region_id,
    }


@router.post(
    "/auth/token", response={201: TokenOut}, auth=None, throttle=[AnonRateThrottle(settings.IDEABANK_TOKEN_RATE)]
)
def create_token(request, payload: TokenRequest):
    """Exchange e-mail and password for a personal API token (shown once)."""
    user = authenticate(request, username=payload.email, password=payload.password)
    if user is None or not user.is_active:
        raise HttpError(401, _("Forkert e-mail eller adgangskode."))
    if mfa_services.is_enabled(user):
        # The token would be a way around the code step: with two-factor on, tokens are made on the profile page.
        raise HttpError(403, _("Din konto bruger totrinsbekræftelse. Opret API-nøgler på din profilside."))
    with labelled(APIToken, name=_("Navn på nøglen")):
        name = services.check_token_name(payload.name)
    _token, key = APIToken.create_token(user=user, name=name)
    return Status(201, {"token": key})


class ProfileIn(Schema):
    """Only the fields sent change; `language` is "da" or "en"."""

    display_name: str | None = None
    job_title: str | None = None
    language: str | None = None


@router.get("/me", response=MeOut, auth=authenticated)
def me(request):
    """Who you are: your profile, role and organisation."""
    user = request.user
    return {
        "id": user.pk,
        "email": user.email,
        "display_name": user.display_name,
        "job_title": user.job_title,
        "language": user.language,
        "role": role_of(user),
        "organisation": organisation_out(user.organisation),
    }


@router.patch("/me", response=MeOut, auth=authenticated)
def update_me(request, payload: ProfileIn):
    """Change your display name, job title or language, with the same rules as the profile page."""
    with labelled(User):
        services.update_profile(request.user, **payload.dict(exclude_unset=True))
    return me(request)


@router.get("/organisations", response=list[OrganisationOut], auth=None)
def organisations(request, kind: str | None = None):
    """Every organisation (optionally of one `kind`), for choosing one in a client."""
    query = Organisation.objects.all()
    if kind:
        query = query.filter(kind=kind)
    return [organisation_out(organisation) for organisation in query]


# ---- my data: export and deletion (GDPR self-service; administrators act for any user) -----------


def _account(request, user_id):
    """The account a request may act on: its own, or any account for an administrator (403 before 404)."""
    if user_id != request.user.pk and not is_administrator(request.user):
        raise PermissionDenied(_("Du kan kun hente eller slette dine egne data."))
    return get_object_or_404(User, pk=user_id)


@router.get("/me/export", response=PersonalDataOut, auth=authenticated)
def export_me(request):
    """Everything Idébanken holds about you, as JSON (API tokens by name only)."""
    return privacy.export_user_data(request.user, acting=request.user)


@router.delete("/me", response={204: None}, auth=authenticated)
def delete_me(request):
    """Delete your account: personal data goes, shared ideas and comments stay without your name.
    The token or session used for this request stops working at once."""
    privacy.delete_account(request.user, acting=request.user)
    # The session row is gone already; a fresh, empty session keeps the middleware from saving the old one.
    if hasattr(request, "session"):
        request.session.flush()
    return Status(204, None)


@router.get("/users/{user_id}/export", response=PersonalDataOut, auth=authenticated)
def export_user(request, user_id: int):
    """Administrators: everything held about a user. Anyone else: 403 (except for their own id)."""
    return privacy.export_user_data(_account(request, user_id), acting=request.user)


@router.delete("/users/{user_id}", response={204: None}, auth=authenticated)
def delete_user(request, user_id: int):
    """Administrators: delete (anonymise) a user's account, audit-logged. Anyone else: 403."""
    privacy.delete_account(_account(request, user_id), acting=request.user)
    return Status(204, None)
