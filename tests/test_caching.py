"""The fragment cache (ideabank/caching.py): a fragment is rendered once per identity, language and template
source, kept under Django's template-fragment key, and shared by every later caller with the same identity."""

from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.utils import translation

from ideabank.caching import current_version, fragments, move_on, template_digest, under_version

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


def test_a_context_given_as_a_function_is_made_only_when_its_fragment_is_missing():
    made = []

    def context():
        made.append(1)
        return {"name": "flag"}

    first = fragments(ICON, [context], [("icon", 1)])
    again = fragments(ICON, [context], [("icon", 1)])

    assert first == again
    assert "#flag" in first[0]
    assert made == [1]


# ---- under_version: kept with the version it was computed under -------------------------------------


def test_under_version_computes_once_until_the_version_moves_on():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    first = under_version("test:version", "test:value", compute, 60)
    again = under_version("test:version", "test:value", compute, 60)
    move_on("test:version")
    after = under_version("test:version", "test:value", compute, 60)

    assert (first, again, after) == (1, 1, 2)


def test_a_value_computed_under_an_older_version_is_not_served(monkeypatch):
    """A reader that computed while a write committed stores its value under the older version."""
    under_version("test:version", "test:value", lambda: "before", 60)
    move_on("test:version")
    cache.set("test:value", (current_version("test:version") - 1, "stale"), 60)

    assert under_version("test:version", "test:value", lambda: "fresh", 60) == "fresh"
