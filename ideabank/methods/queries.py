"""Reading methods and the escalation queue; shared by the method pages, the admin and the API."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import WorkflowState

from ideabank.accounts.roles import is_editor
from ideabank.ideas.models import Idea, Report, Stage, TriedReport, Vote
from ideabank.taxonomy.models import Region, TargetGroup, Theme

from . import charts
from .elements import Dimension, Level
from .models import AssessmentDraft, EscalationPin, MethodPage, Promotion, QueueSetAside

SORTS = {"title": ("title", "pk"), "newest": ("-first_published_at", "-pk")}
SORT_LABELS = {"title": _("Titel"), "newest": _("Nyeste")}
METHOD_STAGES = (Stage.METHOD, Stage.EVIDENCE)


@dataclass
class MethodFilters:
    """Filters of the method catalogue; each dimension of the declaration filters by its level."""

    target_group: str = ""
    theme: str = ""
    stage: str = ""
    levels: dict = field(default_factory=dict)
    sort: str = "title"

    @classmethod
    def from_query(cls, query):
        def value(name):
            # PostgreSQL refuses NUL in text parameters (a 500); no filter value needs it.
            return (query.get(name) or "").replace("\x00", "").strip()[:100]

        sort = value("sort")
        return cls(
            target_group=value("target_group"),
            theme=value("theme"),
            stage=value("stage"),
            levels={key: value(key) for key in Dimension.values if value(key)},
            sort=sort if sort in SORTS else "title",
        )

    @property
    def active(self):
        simple = {"target_group": self.target_group, "theme": self.theme, "stage": self.stage}
        return {**{k: v for k, v in simple.items() if v}, **self.levels}


def visible_methods(user):
    """Published methods for everyone; editors also see drafts."""
    methods = MethodPage.objects.all()
    return methods if is_editor(user) else methods.live().public()


def _filter(queryset, filters, skip=None):
    for name, value in filters.active.items():
        if name == skip:
            continue
        if name == "target_group":
            queryset = queryset.filter(target_groups__slug=value)
        elif name == "theme":
            queryset = queryset.filter(themes__slug=value)
        elif name == "stage":
            queryset = queryset.filter(stage=value)
        else:
            queryset = queryset.filter(**{f"declaration_{name}": value})
    return queryset.distinct() if {"target_group", "theme"} & set(filters.active) else queryset


def list_methods(user, filters):
    return (
        _filter(visible_methods(user), filters)
        .order_by(*SORTS[filters.sort])
        .prefetch_related("target_groups", "themes")
    )


def facets(user, filters):
    """facet groups for includes/facets.html: [{name, label, active, rows: [{value, label, count}]}]."""
    base = visible_methods(user)

    def counts(skip, group_by):
        rows = _filter(base, filters, skip=skip).order_by().values(group_by).annotate(n=Count("pk", distinct=True))
        return {row[group_by]: row["n"] for row in rows if row[group_by] not in (None, "")}

    def group(name, label, choices, found):
        rows = [
            {"value": value, "label": str(text), "count": found[value]} for value, text in choices if value in found
        ]
        return {"name": name, "label": label, "active": filters.active.get(name, ""), "rows": rows}

    groups = [
        group("stage", _("Trin"), [(s, Stage(s).label) for s in METHOD_STAGES], counts("stage", "stage")),
        group(
            "target_group",
            _("Målgruppe"),
            TargetGroup.objects.values_list("slug", "name"),
            counts("target_group", "target_groups__slug"),
        ),
        group("theme", _("Indsatsområde"), Theme.objects.values_list("slug", "name"), counts("theme", "themes__slug")),
    ]
    for dimension in Dimension:
        found = counts(dimension.value, f"declaration_{dimension.value}")
        groups.append(
            group(
                dimension.value,
                _("Viden om %(dimension)s") % {"dimension": dimension.label.lower()},
                [(level.value, level.value) for level in Level],
                found,
            )
        )
    return [g for g in groups if g["rows"] or g["active"]]


def method_context(method, user):
    """What a method page shows besides its own fields."""
    assessment = method.latest_assessment()
    promotions = list(
        Promotion.objects.filter(method=method)
        .select_related("idea__author", "idea__organisation")
        .order_by("created", "pk")
    )
    declaration = method.declaration()
    return {
        "assessment": assessment,
        "profile_chart": charts.profile_chart(assessment.profile()) if assessment else None,
        "declaration": declaration,
        "declaration_chart": charts.declaration_chart(declaration)
        if any(level for _dimension, level, _text in declaration)
        else None,
        "origins": [promotion.idea for promotion in promotions],
        "research": method.research.order_by("-year", "title"),
        "indicators": method.indicators.all(),
        "description_groups": description_groups(method.description),
        "can_edit_method": is_editor(user),
    }


def description_groups(description):
    """The description's blocks with consecutive steps gathered, so they render as one numbered list."""
    groups = []
    for block in description:
        steps = block.block_type == "step"
        if groups and steps and groups[-1]["steps"]:
            groups[-1]["blocks"].append(block)
        else:
            groups.append({"steps": steps, "blocks": [block]})
    return groups


# ---- the escalation queue ------------------------------------------------------------------------

QUEUE_SORTS = {
    "votes": ("-vote_count", "-pk"),
    "organisations": ("-organisations", "-vote_count", "-pk"),
    "tried": ("-tried_count", "-vote_count", "-pk"),
    "oldest": ("published_at", "pk"),
    "newest": ("-published_at", "-pk"),
}
QUEUE_SORT_LABELS = {
    "votes": _("Flest stemmer"),
    "organisations": _("Flest organisationer"),
    "tried": _("Flest afprøvninger"),
    "oldest": _("Ældste først"),
    "newest": _("Nyeste først"),
}
QUEUE_STAGES = (Stage.IDEA, Stage.TRIED, Stage.PROMISING)


@dataclass
class QueueFilters:
    """What an editor narrows the escalation queue to: free text, theme, target group, region and stage."""

    q: str = ""
    theme: str = ""
    target_group: str = ""
    region: str = ""
    stage: str = ""
    sort: str = "votes"

    @classmethod
    def from_query(cls, query):
        def value(name):
            # PostgreSQL refuses NUL in text parameters (a 500); no filter value needs it.
            return (query.get(name) or "").replace("\x00", "").strip()[:100]

        return cls(
            q=value("q"),
            theme=value("theme"),
            target_group=value("target_group"),
            region=value("region") if value("region").isdecimal() else "",
            stage=value("stage") if value("stage") in QUEUE_STAGES else "",
            sort=value("sort") if value("sort") in QUEUE_SORTS else "votes",
        )

    @property
    def narrowed(self):
        return any((self.q, self.theme, self.target_group, self.region, self.stage))


def thresholds():
    return settings.IDEABANK_ESCALATION_MIN_VOTES, settings.IDEABANK_ESCALATION_MIN_ORGANISATIONS


def escalation_queue(sort="votes", filters=None):
    """Published ideas not yet promoted that crossed a threshold (votes from enough organisations, or a
    tried report) or that an editor pinned, less those an editor snoozed or dismissed — each annotated with
    its voting organisations and tried reports, narrowed by `filters` (a QueueFilters) when given."""
    filters = filters or QueueFilters(sort=sort)
    min_votes, min_organisations = thresholds()
    voter_organisations = (
        Vote.objects.filter(idea=OuterRef("pk"))
        .order_by()
        .values("idea")
        .annotate(n=Count("user__organisation", distinct=True))
        .values("n")
    )
    tried_count = TriedReport.objects.filter(idea=OuterRef("pk")).order_by().values("idea").annotate(n=Count("pk"))
    pinned = EscalationPin.objects.filter(idea=OuterRef("pk"))
    set_aside = QueueSetAside.objects.filter(idea=OuterRef("pk")).filter(
        Q(kind=QueueSetAside.Kind.DISMISS) | Q(until__gt=timezone.localdate())
    )
    queue = (
        Idea.objects.filter(status=Idea.Status.PUBLISHED)
        .exclude(stage__in=METHOD_STAGES)
        .exclude(Exists(Promotion.objects.filter(idea=OuterRef("pk"))))
        .exclude(Exists(set_aside))
        .annotate(
            organisations=Coalesce(Subquery(voter_organisations), 0),
            tried_count=Coalesce(Subquery(tried_count.values("n")), 0),
            pinned=Exists(pinned),
        )
        .annotate(tried=ExpressionWrapper(Q(tried_count__gt=0), output_field=BooleanField()))
        .filter(Q(vote_count__gte=min_votes, organisations__gte=min_organisations) | Q(tried=True) | Q(pinned=True))
        .select_related("organisation")
    )
    queue = _narrow_queue(queue, filters)
    return queue.order_by(*QUEUE_SORTS.get(filters.sort, QUEUE_SORTS["votes"]))


def _narrow_queue(queue, filters):
    if filters.q:
        words = Q()
        for field in ("title", "problem", "solution", "context", "results"):
            words |= Q(**{f"{field}__icontains": filters.q})
        queue = queue.filter(words | Q(tagged_items__tag__name__iexact=filters.q))
    if filters.theme:
        queue = queue.filter(themes__slug=filters.theme)
    if filters.target_group:
        queue = queue.filter(target_groups__slug=filters.target_group)
    if filters.region:
        queue = queue.filter(organisation__region__code=int(filters.region))
    if filters.stage:
        queue = queue.filter(stage=filters.stage)
    return queue.distinct() if (filters.q or filters.theme or filters.target_group) else queue


def queue_choices(filters):
    """The filter menus of the queue: [(name, label, [(value, label)], chosen value)]."""
    menus = [
        ("theme", _("Indsatsområde"), list(Theme.objects.order_by("name").values_list("slug", "name"))),
        ("target_group", _("Målgruppe"), list(TargetGroup.objects.order_by("name").values_list("slug", "name"))),
        ("region", _("Region"), [(str(code), name) for code, name in Region.objects.values_list("code", "name")]),
        ("stage", _("Trin"), [(stage.value, stage.label) for stage in QUEUE_STAGES]),
    ]
    return [(name, label, options, getattr(filters, name)) for name, label, options in menus]


def set_aside_ideas():
    """Ideas an editor took out of the queue, newest decision first, with who and why."""
    return QueueSetAside.objects.select_related("idea", "decided_by").order_by("-created", "-pk")


def editor_overview(user):
    """The numbers on the editor's dashboard panel."""
    in_review = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS, base_content_type__model="page"
    ).values("object_id")
    reviewing = MethodPage.objects.filter(pk__in=[int(row["object_id"]) for row in in_review])
    return {
        "queue": escalation_queue().count(),
        "drafts": AssessmentDraft.objects.count(),
        "my_drafts": list(
            AssessmentDraft.objects.filter(assessor=user).select_related("idea", "method").order_by("-updated")[:5]
        ),
        "in_review": reviewing.count(),
        "unpublished": MethodPage.objects.filter(live=False).count(),
        "open_reports": Report.objects.filter(handled_at__isnull=True).count(),
    }


def idea_for_assessment(idea):
    """Everything an assessor needs to see of the idea beside the form."""
    organisations = (
        Vote.objects.filter(idea=idea, user__organisation__isnull=False).values("user__organisation").distinct().count()
    )
    return {
        "idea": idea,
        "voter_organisations": organisations,
        "target_groups": list(idea.target_groups.all()),
        "themes": list(idea.themes.all()),
        "tags": [tag.name for tag in idea.tags.all()],
        "tried_reports": list(idea.tried_reports.select_related("organisation")),
        "adoptions": list(idea.adoptions.select_related("organisation")),  # spread's model, through its relation
    }


def status_of(method):
    """Where a method page stands: "live", "in_review" (in the review workflow) or "draft"."""
    if method.live:
        return "live"
    return "in_review" if method.workflow_in_progress else "draft"
