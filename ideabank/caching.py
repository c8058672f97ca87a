"""Every cache in Idébanken, in one place: what it holds, what it is keyed on, and what makes it go stale.

All of them live in Django's cache framework (`django.core.cache.cache`: Redis in production, so every
server process shares them; a per-process LocMemCache in development and tests). None of them is ever
the only copy of anything: losing the cache costs time, never data.

1. Whole pages for anonymous visitors (ideabank/pagecache). Keyed on a site-wide *generation*
   (`pagecache:generation`), the language, and the page's full address; bounded by
   IDEABANK_PAGE_CACHE_SECONDS. Invalidated by moving the generation on after any write that commits:
   post_save/m2m_changed on every model a public page could show (pagecache/apps.py), and every
   successful non-GET request (pagecache/middleware.py), which covers deletions.

   Signed-in users get the same kind of entry per *audience* instead of `all`: role and organisation
   (pagecache/personal.py), or the user alone when they have ideas only they can see yet. The kept page has
   its personal parts (name, bell, "Til dig", vote and follow buttons) cut out and rendered for each reader;
   an idea page is never served to its author or commenters from this cache. Same generation, same
   invalidation.

2. Rendered fragments (`fragments()` below): list rows, the facet panel and the comment threads on the
   idea pages (ideas/fragments.py; a signed-in user's threads also by their actions on each comment, with
   their CSRF token put in when served), and the notification preferences' fields by the choices made
   (notifications/views.py). Keyed on the template's name, a digest of its (and its includes')
   source, the language and the fragment's *identity* — every value the template shows. Nothing
   invalidates them, because nothing needs to: changed content, wording or markup makes a new key, and
   keys nobody asks for expire after FRAGMENT_SECONDS. Fragments are shared by everyone who would see
   the same thing, logged in or not.

3. Everything cached "until an idea changes", keyed on the *ideas version* (`ideas:facets:version`,
   ideabank/ideas/queries.py `ideas_version()`): the idea list's facet counts and public counts
   (`ideas:facets:…`, `ideas:count:…`), the front page's trending ranking (`home:trending:…`,
   home/sections.py) and "Findes din idé allerede?" (`search:similar:…`, search/service.py). The version
   moves on (`bump_facets_version()`) whenever an idea, its tags, target groups or themes change
   (ideabank/ideas/signals.py, including `idea_changed`, which services send after update()). Each
   entry also expires after a few minutes.

4. Single sign-on metadata (`ideabank.sso.metadata:<digest of the provider's URL>`, ideabank/sso/oidc.py):
   a provider's OpenID configuration, kept for METADATA_SECONDS; nothing invalidates it sooner (the
   signing keys are fetched fresh for every login).

5. Rate-limit counters (django-ratelimit, IDEABANK_RATE_LIMITS; ideabank/ratelimit.py): per user or
   address and window, expiring with the window. They fail open when the cache is down.

6. Everything cached "until the spread figures change", keyed on the *spread version* (`spread:version`,
   ideabank/spread/version.py): the spread overview's tables (`spread:overview:<day>`), each method's exact
   outcome figures (`spread:outcomes:<page id>`, suppressed per viewer after the cache) and the method pages
   behind a view restriction (`spread:restricted-methods`), each kept with the version it was computed
   under (`under_version()`, one round trip while nothing changed); and the home page's "Nye metoder" and
   "Spredning" sections (`{% cache %}` in home_page.html, keyed on the version). The version moves on when a
   method page, its publication or view restrictions, its indicators, an adoption, its history, an
   outcome report or its values, or an organisation is saved or deleted (spread/signals.py).

7. Signed-in requests (only with Redis; IDEABANK_SIGNED_IN_CACHE_SECONDS, 60): the session
   (`ideabank.session:<key>`, written through to the database and deleted with it, also by "Log ud alle
   steder") and the user with organisation and role (`ideabank.user:<id>`, forgotten when the user, their
   groups or their organisation change, and by UserQuerySet.update). ideabank/accounts/signed_in.py.

Not in the cache framework, and only for the life of one process or one request: a user's role on the
user object (accounts/roles.py `role_of`), the 11 elements read from their JSON file
(methods/elements.py), the favicon's bytes (home/views.py), the second-factor middleware's exempt
addresses (mfa/middleware.py), and search's stemmer (search/analysis.py). Sessions and login lockouts
live in the database (the cache only holds copies of sessions, see 7), so they hold while Redis is down.
"""

import functools
import hashlib

from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.template import loader
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

FRAGMENT_SECONDS = 60 * 60
# Stands for the CSRF token in a cached fragment; the reader's own token replaces it when the fragment is served.
CSRF_STAMP = "0000csrfstamp0000"


def with_token(html, token):
    """A cached fragment with the reader's CSRF token where it was rendered with CSRF_STAMP."""
    return mark_safe(html.replace(CSRF_STAMP, token))  # noqa: S308 - our fragments, escaped when rendered


def current_version(key):
    """The version number stored at `key` (1 the first time): part of the keys of what is cached under it."""
    return cache.get_or_set(key, 1, None)


def move_on(key):
    """Retire everything cached under the version at `key`: one INCR, or the first version if none yet."""
    try:
        cache.incr(key)
    except ValueError:  # no version yet: nothing was cached under one either
        cache.add(key, 1, None)


def under_version(version_key, key, compute, seconds):
    """`compute()`, cached at `key` until the version at `version_key` moves on.

    The value is kept with the version it was computed under, so while nothing changed one round trip
    (both keys in one MGET) answers. A value computed while a write committed carries the older version
    and is computed again by the next reader.
    """
    found = cache.get_many([version_key, key])
    version = found.get(version_key) or current_version(version_key)
    stamped = found.get(key)
    if stamped is not None and stamped[0] == version:
        return stamped[1]
    value = compute()
    cache.set(key, (version, value), seconds)
    return value


@functools.cache
def template_digest(names):
    """A short digest of the templates' source: a changed template (a deploy) makes new fragment keys."""
    source = "".join(loader.get_template(name).template.source for name in names)
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def fragments(template_name, contexts, identities, includes=()):
    """`template_name` rendered once per context, reusing renderings of identical content from the cache.

    A fragment's key (Django's template-fragment key, as `{% cache %}` makes it) varies on the templates'
    source, the language and the identity, so a cached fragment is never out of date. An identity must
    therefore hold every value the template (and `includes`) reads. One round trip to the cache for all.
    A context may be a function that makes it, when that costs more than the identity (a form, say).
    """
    vary = (template_digest((template_name, *includes)), get_language())
    keys = [make_template_fragment_key(template_name, [*vary, repr(identity)]) for identity in identities]
    found = cache.get_many(keys)
    template = loader.get_template(template_name)
    rendered = {}
    for key, context in zip(keys, contexts, strict=True):
        if key not in found and key not in rendered:
            rendered[key] = template.render(context() if callable(context) else context)
    if rendered:
        cache.set_many(rendered, FRAGMENT_SECONDS)
    found.update(rendered)
    return [mark_safe(found[key]) for key in keys]  # noqa: S308 - rendered by our templates, escaped there
