"""Readable addresses: one slugify for organisations, target groups, themes and tags, and the old slugs that
still lead to them.

Django's slugify drops letters it cannot fold to ASCII, so "Hjørring Kommune" became "hjrring-kommune" and
"Ældre" became "ldre". Danish letters are written out the way Danes do when they cannot type them (æ → ae,
ø → oe, å → aa) before Django's slugify does the rest (é → e, spaces → hyphens).
"""

from django.db.models import Q
from django.utils.text import slugify

DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})

# The query-string filters (idea list, method catalogue, search) that carry a slug, by the kind of thing.
FILTER_KINDS = {"organisation": "organisation", "target_group": "target_group", "theme": "theme", "tag": "tag"}


def danish_slugify(text, suffix=None):
    slug = slugify(str(text).translate(DANISH_LETTERS))
    return f"{slug}_{suffix}" if suffix is not None else slug


def current_slug(kind, old):
    """The slug that replaced `old` for this kind of thing, or None."""
    from .models import OldSlug

    return OldSlug.objects.filter(kind=kind, old=old).values_list("current", flat=True).first()


def current_query(query):
    """The query string with every retired slug in a filter replaced by its current one; None when none was."""
    from .models import OldSlug

    wanted = [(FILTER_KINDS[name], value) for name, value in query.items() if name in FILTER_KINDS and value]
    if not wanted:
        return None
    condition = Q(pk__in=[])
    for kind, value in wanted:
        condition |= Q(kind=kind, old=value)
    renamed = {(row.kind, row.old): row.current for row in OldSlug.objects.filter(condition)}
    if not renamed:
        return None
    updated = query.copy()
    for name in FILTER_KINDS:
        values = query.getlist(name)
        if values:
            updated.setlist(name, [renamed.get((FILTER_KINDS[name], value), value) for value in values])
    return updated


def retired_slug_redirect(request):
    """A permanent redirect to the same list with current slugs, when its filters name a retired one."""
    from django.http import HttpResponsePermanentRedirect

    updated = current_query(request.GET) if request.method in ("GET", "HEAD") else None
    return HttpResponsePermanentRedirect(f"{request.path}?{updated.urlencode()}") if updated is not None else None
