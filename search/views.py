"""Search in the browser: the search page (ideas and method pages), header suggestions and "similar
ideas" fragments.

Thin views over search.pages (the search page) and ideabank.ideas.queries (suggestions, similar
ideas). The page works without JavaScript (a plain GET form); the two
fragments exist for static/js/search.js, which enhances the header box into a combobox and shows
similar ideas while an idea is written.
"""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from ideabank.ideas import queries
from ideabank.ids import parse_id
from ideabank.pagecache import personal
from ideabank.taxonomy.slugs import retired_slug_redirect

from . import pages

PAGE_SIZE = pages.PAGE_SIZE
MAX_TITLE = 200
MAX_PROBLEM = 5000
FACET_LABELS = {
    "stage": gettext_lazy("Trin"),
    "target_group": gettext_lazy("Målgruppe"),
    "theme": gettext_lazy("Indsatsområde"),
    "tag": gettext_lazy("Emneord"),
    "organisation": gettext_lazy("Organisation"),
    "region": gettext_lazy("Region"),
    "municipality": gettext_lazy("Kommune"),
    "status": gettext_lazy("Status"),
}
KIND_LABELS = {"all": gettext_lazy("Alle"), "idea": gettext_lazy("Idéer"), "method": gettext_lazy("Metoder")}
# Methods have no votes or comments: on the methods tab only these sorts mean something.
METHOD_SORTS = ("relevance", "newest")


def kind_of(request):
    kind = (request.GET.get("type") or "").strip()
    return kind if kind in pages.KINDS else "all"


def kind_url(request, kind):
    """The current search showing another kind, back on page one (and without a sort that kind lacks)."""
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("type", None)
    if kind != "all":
        query["type"] = kind
    if kind == "method" and query.get("sort") not in METHOD_SORTS:
        query.pop("sort", None)
    return "?" + query.urlencode() if query else "?"


def clean(value, limit):
    """Query text as the service takes it: control characters dropped, length capped."""
    return "".join(char for char in (value or "") if char.isprintable() or char in "\n\t")[:limit]


@require_GET
def search_page(request):
    if moved := retired_slug_redirect(request):
        return moved
    kind = kind_of(request)
    params = request.GET.copy()
    params["q"] = clean(params.get("q"), 500)
    results = pages.search(request.user, params, kind, with_counts=True, window=window(request))
    filters = results.filters
    page_obj = Paginator(results.items, PAGE_SIZE).get_page(request.GET.get("page"))
    facet_groups = [
        {
            "name": name,
            "label": label,
            "rows": results.facets.get(name, []),
            "active": filters.active.get(name),
        }
        for name, label in FACET_LABELS.items()
    ]
    active_filters = [
        {
            "name": name,
            "label": FACET_LABELS[name],
            "value": value,
            "value_label": next((row["label"] for row in results.facets.get(name, []) if row["value"] == value), value),
        }
        for name, value in filters.active.items()
    ]
    context = {
        "q": filters.q,
        "kind": kind,
        "filters": filters,
        "page_obj": page_obj,
        "hits": results.hits(page_obj.object_list),
        "facet_groups": [group for group in facet_groups if group["rows"] or group["active"]],
        "active_filters": active_filters,
        "sorts": [
            (key, label)
            for key, label in queries.SORT_LABELS.items()
            if (key != "relevance" or filters.q) and (kind != "method" or key in METHOD_SORTS)
        ],
        "all_kinds_url": kind_url(request, "all"),
        "kinds": [
            {"key": key, "label": label, "count": results.counts[key], "url": kind_url(request, key)}
            for key, label in KIND_LABELS.items()
        ],
        "fell_back": results.fell_back,
        "searched": bool(filters.q or filters.active),
    }
    response = TemplateResponse(request, "search/search.html", context)
    if results.fell_back:
        # Answered by the database while Elasticsearch is away: not a page to keep for anyone.
        patch_cache_control(response, no_cache=True)
    else:
        personal.share(request)  # results depend on the role only: colleagues share the page
    return response


def window(request):
    """(offset, size) of the page asked for, so the search fetches it at once (the Paginator checks it)."""
    number = parse_id(request.GET.get("page") or "1")
    number = number if number is not None and number < 10**6 else 1
    return ((number - 1) * PAGE_SIZE, PAGE_SIZE)


def wants_json(request):
    return request.GET.get("format") == "json" or "application/json" in request.headers.get("Accept", "")


@require_GET
def suggestions(request):
    """Up to 8 idea titles for the header box: an HTML list fragment, or JSON for scripts."""
    ideas = queries.autocomplete(clean(request.GET.get("q"), 100))
    if wants_json(request):
        rows = [{"id": idea.pk, "title": idea.title, "url": idea.get_absolute_url()} for idea in ideas]
        return JsonResponse({"results": rows})
    return TemplateResponse(request, "search/suggestions.html", {"ideas": ideas})


@require_GET
def similar(request):
    """ "Findes din idé allerede?": up to 5 published ideas like the title and problem being written."""
    exclude = request.GET.get("exclude") or ""
    found = queries.similar_ideas(
        clean(request.GET.get("title"), MAX_TITLE),
        clean(request.GET.get("problem"), MAX_PROBLEM),
        exclude=parse_id(exclude),
    )
    context = {"similar": [idea for idea, _score in found], "writing": True}
    return TemplateResponse(request, "search/similar_ideas.html", context)
