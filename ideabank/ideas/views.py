"""Idea pages in the browser: the list and the idea page (the idea form and the small POST actions are in
views_actions.py; the parts they render from the cache in fragments.py).

Views stay thin: they parse input, call services.py (which holds every rule) and answer with a
redirect back to the idea (post/redirect/get) and a message. Service errors map to responses in
one place: PermissionDenied → 403, ValidationError → form errors, Conflict → a friendly message,
RateLimited → 429. Every page works without JavaScript.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from ideabank import ratelimit
from ideabank.attachments import services as attachment_services
from ideabank.next_url import local_next_url
from ideabank.pagecache import personal
from ideabank.taxonomy.slugs import retired_slug_redirect

from . import queries, services
from .forms import (
    CommentForm,
    ReportForm,
    TriedForm,
)
from .fragments import (
    CommentForms,
    annotate_comment,
    anonymous_comment_thread,
    facets_panel,
    idea_rows,
    signed_in_comment_threads,
)
from .models import Idea

PAGE_SIZE = 20
WHAT_NOW = "delt"  # query flag on the idea page right after it was published: show "Hvad nu?"

FACET_LABELS = {
    "target_group": gettext_lazy("Målgruppe"),
    "theme": gettext_lazy("Indsatsområde"),
    "tag": gettext_lazy("Emneord"),
    "stage": gettext_lazy("Trin"),
    "organisation": gettext_lazy("Organisation"),
    "region": gettext_lazy("Region"),
    "municipality": gettext_lazy("Kommune"),
    "status": gettext_lazy("Status"),
}
# The list's filter column: region and municipality live inside the one organisation facet (grouped by region),
# so the same municipalities are not offered twice. The filters themselves all still work.
SHOWN_FACETS = ("stage", "target_group", "theme", "organisation", "tag", "status")
# The filters a user can follow from the list. The list offers "follow" without looking up whether
# the user already follows (following twice is harmless): that lookup would take the page past
# its query budget. Unfollowing happens where the follows are listed.
FOLLOWABLE_FILTERS = ("tag", "target_group", "organisation")


# ---- shared helpers --------------------------------------------------------------------------


def forbidden(request, error):
    message = str(error.args[0]) if getattr(error, "args", None) else _("Du har ikke adgang til dette.")
    return TemplateResponse(request, "ideas/forbidden.html", {"message": message}, status=403)


def too_many(request):
    return ratelimit.rate_limited(request)


def login_first(next_url):
    """Anonymous writes go to the login page and come back to the page they came from."""
    return redirect_to_login(next_url)


def page_idea(request, pk):
    """The idea a small POST action is about (with what its redirect needs), or 404 unless visible to the user."""
    return queries.visible_idea(request.user, pk, Idea.objects.select_related("organisation", "merged_into"))


def safe_next(request, default):
    return local_next_url(request) or default


def add_service_errors(form, error):
    """Put a service's ValidationError on the form fields it names (or on the form as a whole)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, field_errors in error.message_dict.items():
        shown = field in form.fields and not form[field].is_hidden
        form.add_error(field if shown else None, field_errors)


def names_fields(form, error):
    """Whether a service's ValidationError points at fields the user sees in this form."""
    fields = getattr(error, "error_dict", {})
    return any(name in form.fields and not form[name].is_hidden for name in fields)


def error_text(error):
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)


# ---- the list --------------------------------------------------------------------------------


@require_GET
def idea_list(request):
    if moved := retired_slug_redirect(request):
        return moved
    personal.share(request)  # nothing on the list is one user's own: colleagues share it
    filters = queries.IdeaFilters.from_query(request.GET)
    paginator = Paginator(queries.list_ideas(request.user, filters), PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    facet_values = queries.facets(request.user, filters)
    facet_groups = [
        {
            "name": name,
            "label": FACET_LABELS[name],
            "rows": facet_values.get(name, []),
            "active": filters.active.get(name),
            "open": name == "organisation" and bool(filters.active.get("region")),
        }
        for name in SHOWN_FACETS
    ]
    facet_groups[SHOWN_FACETS.index("organisation")]["regions"] = organisations_by_region(facet_values, filters)
    active_filters = [
        {
            "name": name,
            "label": FACET_LABELS[name],
            "value": value,
            "value_label": _facet_value_label(facet_values.get(name, []), value),
            "followable": name in FOLLOWABLE_FILTERS,
        }
        for name, value in filters.active.items()
    ]
    sorts = [(key, label) for key, label in queries.SORT_LABELS.items() if key != "relevance" or filters.q]
    facet_groups = [group for group in facet_groups if group["rows"] or group["active"]]
    context = {
        "filters": filters,
        "page_obj": page_obj,
        "ideas": page_obj.object_list,
        "idea_rows": idea_rows(page_obj.object_list),
        "facet_groups": facet_groups,
        "facets_panel": facets_panel(request, facet_groups, _("Filtrér"), _("idéer")),
        "active_filters": active_filters,
        "sorts": sorts,
    }
    return TemplateResponse(request, "ideas/idea_list.html", context)


def organisations_by_region(facet_values, filters):
    """The organisation facet's rows under their region (each region a filter too); organisations without a
    region (national bodies, NGOs) come last under "Hele landet"."""
    regions = {row["value"]: row for row in facet_values.get("region", [])}
    region_group = {"label": str(FACET_LABELS["region"]), "active": filters.active.get("region")}
    rows_by_region = {}
    for row in facet_values.get("organisation", []):
        rows_by_region.setdefault(str(row.get("region") or ""), []).append(row)
    grouped = [
        {"row": regions.get(code), "label": regions[code]["label"] if code in regions else "", "group": region_group}
        | {"rows": sorted(rows_by_region.get(code, []), key=lambda row: row["label"])}
        for code in sorted(regions)
    ]
    if rows_by_region.get(""):
        grouped.append({"row": None, "label": _("Hele landet"), "group": region_group, "rows": rows_by_region[""]})
    return [region for region in grouped if region["rows"] or region["row"]]


def _facet_value_label(rows, value):
    return next((row["label"] for row in rows if row["value"] == value), value)


# ---- the idea page ---------------------------------------------------------------------------


def load_idea_page(request, pk):
    """The idea with everything its page shows, including the viewer's vote and follow."""
    try:
        return queries.idea_detail(pk, viewer=request.user)
    except Idea.DoesNotExist as missing:
        raise Http404 from missing


@require_GET
def idea_detail(request, pk):
    idea = load_idea_page(request, pk)
    if idea.status == Idea.Status.MERGED and idea.merged_into_id:
        return redirect(idea.merged_into, permanent=True)
    if not queries.can_view(request.user, idea):
        raise Http404
    if idea.is_public:
        # The vote and the follow are a personal part (parts.py); the author and the commenters have more of
        # their own on the page (editing, "Hvad nu?", their comments' actions) and always get their own.
        commenters = {comment.author_id for comment in idea.comments.all()}
        personal.share(request, not_with={idea.author_id, *commenters})
    return render_detail(request, idea)


def load_for_detail(request, pk):
    """The idea page's data again, for showing the page with a submission's errors."""
    idea = load_idea_page(request, pk)
    if not queries.can_view(request.user, idea):
        raise Http404
    return idea


def render_detail(request, idea, *, status=200, **forms):
    """The idea page. `forms` carry bound forms with errors when a submission is shown again."""
    user = request.user
    comments = list(idea.comments.all())
    reply_forms, edit_forms = forms.get("reply_forms") or {}, forms.get("edit_forms") or {}
    empty_forms = CommentForms()
    for comment in comments:
        annotate_comment(user, comment, reply_forms.get(comment.pk), edit_forms.get(comment.pk), empty_forms)
    tried_reports = list(idea.tried_reports.all())
    published = idea.status == Idea.Status.PUBLISHED
    own = user.is_authenticated and idea.author_id == user.pk
    tree = queries.comment_tree(comments)
    attachments = list(idea.attachments.all())
    context = {
        "idea": idea,
        "target_groups": list(idea.target_groups.all()),
        "themes": list(idea.themes.all()),
        "tags": list(idea.tags.all()),
        "comment_tree": tree,
        # Visitors all see the same threads; signed-in users get forms in each comment, cached unless a
        # submission's errors are shown again.
        "comment_threads": (
            anonymous_comment_thread(idea, tree)
            if not user.is_authenticated
            else None
            if forms
            else signed_in_comment_threads(request, idea, tree, published)
        ),
        "tried_reports": tried_reports,
        "attachments": attachments,
        "attachment_images": [attachment for attachment in attachments if attachment.is_image],
        "attachment_documents": [attachment for attachment in attachments if not attachment.is_image],
        "can_change_attachments": attachment_services.can_change(user, idea),
        "is_published": published,
        "is_own": own,
        "can_edit": services.can_edit(user, idea),
        "is_following": user.is_authenticated and idea.viewer_follows,
        "can_report_tried": (
            published
            and user.is_authenticated
            and bool(user.organisation_id)
            and all(report.organisation_id != user.organisation_id for report in tried_reports)
        ),
        # "Vi bruger idéen fast" (spread registers it; an organisation that already did is told there).
        # "Hvad nu?" right after the author published it (IdeaFormPage.post adds the flag).
        "what_now": own and published and request.GET.get(WHAT_NOW) == "1",
        "idea_link": request.build_absolute_uri(idea.get_absolute_url()),
        "can_register_use": published and user.is_authenticated and bool(user.organisation_id),
        "comment_form": forms.get("comment_form") or CommentForm(auto_id="id_comment_%s"),
        "report_form": ReportForm(auto_id="id_report_idea_%s"),
        "tried_form": forms.get("tried_form") or TriedForm(auto_id="id_tried_%s"),
    }
    return TemplateResponse(request, "ideas/idea_detail.html", context, status=status)
