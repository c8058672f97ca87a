"""Pages that signed-in colleagues share, with the parts that are each user's own cut out.

Most of what a signed-in user sees is what every colleague with the same *audience* sees: the same role
(which decides the admin link and what may be moderated) in the same organisation (which decides "Mine
metoder", the organisation's exact figures and its "Vi bruger metoden"). A view whose page depends on
nothing else says so with `share(request)`; a page that is more someone's own (an idea's author may change
it, its commenters their comments) names them, and they always get a page of their own. What is the user's
alone (the name in the header, the bell's count, the greeting on the front page, the vote and follow
buttons, the CSRF token) is a *personal part*: a small template with a
function that gives its context for the user (`@part`), put in a page with `{% personal "name" %}`.

While a shareable page is rendered, each personal part is written between markers. The copy kept in the
cache has the markers with nothing between them; the user who caused the rendering gets the page without
the markers; every later reader gets the kept copy with each part rendered for them (`fill`). So a
signed-in page costs its personal parts, not the whole page, as long as nothing has been written since a
colleague last saw it (the page cache's generation, see store.py).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template import loader
from django.utils.safestring import mark_safe

from ideabank.accounts.roles import role_of
from ideabank.caching import CSRF_STAMP, fragments, with_token

from . import store

# A part's markers. NUL never occurs in stored text (forms and the text validators refuse it, PostgreSQL cannot
# hold it), but a page may echo a query string, which can: a page whose NUL bytes are not all its own parts'
# markers is never kept (`forged`), so a hole in a kept page is always one the page itself made.
OPEN, CLOSE = "\x00personal:{name}:{argument}\x01", "\x00/personal\x01"
MARKED = re.compile(rb"(\x00personal:([a-z_]+):([^\x00\x01]*)\x01)(.*?)\x00/personal\x01", re.DOTALL)
HOLE = re.compile(rb"\x00personal:([a-z_]+):([^\x00\x01]*)\x01\x00/personal\x01")
PARTS = {}  # name → Part
SEPARATIONS = []  # functions of a user: a reason they must not share pages with their audience, or ""


@dataclass(frozen=True)
class Part:
    template_name: str
    context: Callable
    identity: Callable | None = None
    includes: tuple = ()


def part(name, template_name, identity=None, includes=()):
    """Register `function(request, argument) → context` as the personal part `name`, shown by `template_name`.

    `identity(request, context)`, when given, holds every value the template (and the templates it
    `includes`) reads but the CSRF token: the part is then rendered once per identity and kept
    (caching.fragments), and each reader's token is put in. For a part whose template costs more than a
    cache read."""

    def register(function):
        PARTS[name] = Part(template_name, function, identity, tuple(includes))
        return function

    return register


def share(request, not_with=()):
    """Say that this page shows a signed-in user nothing of their own outside personal parts, except to the
    users in `not_with` (an idea's author and commenters, say), who always get a page rendered for them."""
    not_with = frozenset(not_with)
    if request.user.pk not in not_with:
        request.shared_with_audience = True
        request.shared_not_with = not_with


def share_page(request, page):
    """`share` for a Wagtail page, unless a view restriction stands in front of it (a password passed is
    kept in one user's session)."""
    if not page.get_view_restrictions().exists():
        share(request)


def separated(function):
    """Register `function(user)`: a non-empty reason when pages show this user something their audience does
    not see (the ideas app: ideas of their own that only they can see yet). Such a user's pages are kept for
    them alone."""
    SEPARATIONS.append(function)
    return function


def audience(user):
    """Who sees the same page: the role and the organisation (0 for none), or the user alone (separated)."""
    if any(reason(user) for reason in SEPARATIONS):
        return f"user-{user.pk}"
    return f"{role_of(user)}-{user.organisation_id or 0}"


def audience_key(request):
    """Where a signed-in user's audience keeps this address. The generation is read first: an audience worked
    out before a write committed is then kept under a generation that write retires."""
    current = store.generation()
    return store.key(request, current, audience(request.user))


def shared_value(request, compute, keep=lambda: True):
    """`compute()` (an API answer without its personal fields, which the view adds) once per audience, address
    and generation for signed-in users: what a shared page is for the API. Anyone else gets it computed. Not
    kept when `keep()` says no after computing (a degraded answer)."""
    user = request.user
    if not (store.seconds() and user.is_authenticated):
        return compute()
    key = audience_key(request) + ":value"
    value = cache.get(key)
    if value is None:
        value = compute()
        if keep():
            cache.set(key, value, store.seconds())
    return value


def render(request, name, argument="", **loaded):
    """The part for this user. `loaded`: objects the page already has, so its first rendering need not fetch
    them again (a kept page's parts are rendered from `argument` alone). A context function returns None when
    there is nothing to show (what the part is about is gone since the page was kept)."""
    registered = PARTS[name]
    values = registered.context(request, argument, **loaded)
    if values is None:
        return ""
    # Not a RequestContext: the context processors would cost more than most parts.
    shared = {"request": request, "user": request.user}
    if registered.identity is None:
        return loader.get_template(registered.template_name).render(
            {**shared, **values, "csrf_token": get_token(request)}
        )
    [html] = fragments(
        registered.template_name,
        [{**shared, **values, "csrf_token": CSRF_STAMP}],
        [(name, registered.identity(request, values))],
        registered.includes,
    )
    return with_token(html, get_token(request))


def marked(request, name, argument="", **loaded):
    """The part for this user, between markers when the page may be kept for the audience."""
    html = render(request, name, argument, **loaded)
    if not getattr(request, "personal_marks", False):
        return html
    request.personal_parts = getattr(request, "personal_parts", 0) + 1
    return mark_safe(OPEN.format(name=name, argument=argument) + html + CLOSE)  # noqa: S308 - our templates


def forged(request, content):
    """Whether the rendered page holds NUL bytes besides its own parts' markers (two each): an echoed query
    string, say, that could forge a hole (any part, any argument, for every later reader) or the CSRF
    placeholder."""
    return content.count(b"\x00") != 2 * getattr(request, "personal_parts", 0)


def hollow(content):
    """The page to keep: every personal part emptied, its marker left for `fill`."""
    return MARKED.sub(lambda marked: marked[1] + CLOSE.encode(), content)


def unmarked(content):
    """The page as its own user gets it: the parts as rendered, without markers."""
    return MARKED.sub(lambda marked: marked[4], content)


def fill(content, request):
    """A kept page with each personal part rendered for this user."""
    return HOLE.sub(lambda hole: render(request, hole[1].decode(), hole[2].decode()).encode(), content)
