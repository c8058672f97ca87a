"""The search service. This first version matches ideas through Wagtail's database search backend;
the Danish analysis, facets and Elasticsearch arrive with the search work (issue #4)."""

from wagtail.search.backends import get_search_backend


def idea_ids_matching(query, limit=1000):
    from ideabank.ideas.models import Idea

    results = get_search_backend().search(query, Idea.objects.all(), operator="and")[:limit]
    return [idea.pk for idea in results]
