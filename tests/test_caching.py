"""The fragment cache (ideabank/caching.py): a fragment is rendered once per identity, language and template
source, kept under Django's template-fragment key, and shared by every later caller with the same identity."""

from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.utils import translation

from ideabank.caching import fragments, template_digest

ICON = "includes/icon.html"


def test_the_same_identity_reuses_the_first_rendering():
    first = fragments(ICON, [{"name": "flag"}], [("icon", 1)])
    # Same identity, other context: the cached rendering comes back (so an identity must hold all it shows).
    again = fragments(ICON, [{"name": "history"}], [("icon", 1)])

    assert "#flag" in first[0]
    assert again == first


def test_another_identity_or_language_renders_anew():
    flag, history = fragments(ICON, [{"name": "flag"}, {"name": "history"}], [("icon", 1), ("icon", 2)])
    with translation.override("en"):
        english = fragments(ICON, [{"name": "lock"}], [("icon", 1)])

    assert "#flag" in flag and "#history" in history
    assert "#lock" in english[0]


def test_fragments_live_under_djangos_template_fragment_key():
    with translation.override("da"):
        [html] = fragments(ICON, [{"name": "flag"}], [("icon", 1)])

    key = make_template_fragment_key(ICON, [template_digest((ICON,)), "da", repr(("icon", 1))])
    assert cache.get(key) == html
