"""The search service. This first version matches ideas through Wagtail's database search backend;
the Danish analysis, facets and Elasticsearch arrive with the search work (issue #4)."""

import re

from wagtail.search.backends import get_search_backend


def idea_ids_matching(query, limit=1000):
    from ideabank.ideas.models import Idea

    words = " ".join(re.findall(r"\w+", query))  # FTS5 would read quotes and operators as syntax
    if not words:
        return []
    results = get_search_backend().search(words, Idea.objects.all(), operator="and")[:limit]
    return [idea.pk for idea in results]
