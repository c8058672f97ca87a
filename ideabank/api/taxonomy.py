"""Reference data: municipalities, target groups and themes. Public, no login."""

from ninja import Router, Schema

from ideabank.taxonomy.models import Municipality, TargetGroup, Theme

from .schemas import Id

router = Router(tags=["taxonomy"])


class MunicipalityOut(Schema):
    code: int
    name: str
    region_code: int
    region_name: str


class TermOut(Schema):
    id: Id
    name: str
    slug: str
    description: str


@router.get("/municipalities", response=list[MunicipalityOut], auth=None)
def municipalities(request):
    """The 98 municipalities with their region, by code."""
    return [
        {"code": m.code, "name": m.name, "region_code": m.region_id, "region_name": m.region.name}
        for m in Municipality.objects.select_related("region").order_by("code")
    ]


@router.get("/target-groups", response=list[TermOut], auth=None)
def target_groups(request):
    """The curated target groups (målgrupper); filter ideas and methods by their slug."""
    return TargetGroup.objects.all()


@router.get("/themes", response=list[TermOut], auth=None)
def themes(request):
    """The curated themes (indsatsområder); filter ideas and methods by their slug."""
    return Theme.objects.all()
