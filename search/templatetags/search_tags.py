"""Search on other pages: the "Lignende idéer" list on an idea page, and the search page's filter links."""

from django import template

from ideabank.ideas import queries

register = template.Library()


@register.inclusion_tag("search/similar_ideas.html")
def similar_ideas(idea, limit=5):
    """Published ideas like this one, rendered on the server so the idea page needs no JavaScript."""
    found = queries.similar_ideas(idea.title, idea.problem, limit=limit, exclude=idea.pk)
    return {"similar": [similar for similar, _score in found], "writing": False, "idea": idea}
