"""Search on other pages: the "Lignende idéer" list on an idea page, and the search page's filter links."""

from django import template

from search import service

register = template.Library()


@register.inclusion_tag("search/similar_ideas.html")
def similar_ideas(idea, limit=5):
    """Published ideas like this one, rendered on the server so the idea page needs no JavaScript."""
    found = service.similar_ideas(idea.title, idea.problem, limit=limit, exclude=idea.pk)
    return {"similar": [similar for similar, _score in found], "writing": False, "idea": idea}


@register.simple_tag(takes_context=True)
def search_url(context, name, value=None):
    """The search page's query string with one filter set to `value` (or removed), back on page one."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    if value in (None, ""):
        query.pop(name, None)
    else:
        query[name] = value
    return "?" + query.urlencode() if query else "?"
