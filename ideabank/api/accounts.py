from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.throttling import AnonRateThrottle
from wagtail.models import APIToken

from ideabank.accounts.models import Organisation
from ideabank.accounts.roles import role_of

from .auth import authenticated

router = Router(tags=["accounts"])


class TokenRequest(Schema):
    email: str
    password: str
    name: str = "API"


class TokenOut(Schema):
    token: str


class OrganisationOut(Schema):
    id: int
    name: str
    slug: str
    kind: str
    municipality_code: int | None = None
    region_code: int | None = None


class MeOut(Schema):
    id: int
    email: str
    display_name: str
    job_title: str
    language: str
    role: str
    organisation: OrganisationOut | None


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


@router.post("/auth/token", response={201: TokenOut}, auth=None, throttle=[AnonRateThrottle("10/m")])
def create_token(request, payload: TokenRequest):
    """Exchange e-mail and password for a personal API token (shown once)."""
    user = authenticate(request, username=payload.email, password=payload.password)
    if user is None or not user.is_active:
        raise HttpError(401, _("Forkert e-mail eller adgangskode."))
    _token, key = APIToken.create_token(user=user, name=payload.name[:100] or "API")
    return Status(201, {"token": key})


@router.get("/me", response=MeOut, auth=authenticated)
def me(request):
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


@router.get("/organisations", response=list[OrganisationOut], auth=None)
def organisations(request, kind: str | None = None):
    query = Organisation.objects.all()
    if kind:
        query = query.filter(kind=kind)
    return [organisation_out(organisation) for organisation in query]
