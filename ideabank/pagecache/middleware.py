"""Serves and stores whole pages: for anonymous visitors, and for signed-in colleagues who share them.

Anonymous: a request is served from the cache only when nothing about it can be personal: a GET to one of
the views in `IDEABANK_PAGE_CACHE_VIEWS`, no cookies but the CSRF and language ones (so no session and no
pending messages), no Authorization header and no htmx fragment request. A response is kept only when it
is a complete 200 that sets no cookie and does not forbid shared caching.

Signed in: a GET to one of the views in `IDEABANK_SHARED_PAGE_VIEWS` with no pending messages is looked up
under the user's audience (role and organisation), and its personal parts are filled in for the user. A
response is kept for the audience only when its view said that nothing else on it is the user's own
(personal.share) and it showed no message (personal.py).

Every successful request that may write (POST, PUT, PATCH, DELETE) moves the generation on, which also
covers writes that bypass model signals such as `QuerySet.update()`.
"""

from django.conf import settings
from django.contrib.messages.storage.session import SessionStorage
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from . import personal, store

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
UNSHAREABLE = ("private", "no-store", "no-cache")
# A signed-in page is "private" to the browser, but may be kept for colleagues unless it says not to keep it.
NOT_KEPT = ("no-store", "no-cache")


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in SAFE_METHODS or not store.seconds():
            response = self.get_response(request)
            cache_key = getattr(request, "_page_cache_key", None)
            if getattr(request, "personal_marks", False):
                self.keep_for_audience(request, response, cache_key)
            elif cache_key and self.keepable(request, response):
                store.save(cache_key, response)
            return response
        changed = []
        reset = store.retired_after_request.set(changed)
        try:
            response = self.get_response(request)
        finally:
            store.retired_after_request.reset(reset)
            # After the view, so after its transactions committed. Once per request, however many rows it
            # wrote; also when it failed after writing, and after a success that wrote through update().
            if changed:
                store.bump()
        if not changed and response.status_code < 400:
            store.bump()
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        signed_in = self.shareable(request)
        if not (signed_in or self.cacheable(request)):
            return None
        cache_key = personal.audience_key(request) if signed_in else store.key(request, store.generation())
        cached = store.load(cache_key, request)
        if cached is None:
            request._page_cache_key = cache_key
            request.personal_marks = signed_in
            return None
        status, headers, content = cached
        if signed_in:
            content = personal.fill(content, request)
        response = HttpResponse(content, status=status, headers=dict(headers))
        # A kept API answer carries its ETag and Last-Modified (ideabank/api/conditional.py): honour them here too.
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        return get_conditional_response(
            request, etag=response.get("ETag"), last_modified=last_modified, response=response
        )

    @staticmethod
    def cacheable(request):
        allowed_cookies = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
        return bool(
            store.seconds()
            and request.method == "GET"
            and request.resolver_match.view_name in settings.IDEABANK_PAGE_CACHE_VIEWS
            and set(request.COOKIES) <= allowed_cookies
            and "Authorization" not in request.headers
            and "HX-Request" not in request.headers
        )

    @staticmethod
    def shareable(request):
        """A signed-in GET to a page that colleagues may share, with no message waiting to be shown."""
        return bool(
            store.seconds()
            and request.method == "GET"
            and request.resolver_match.view_name in settings.IDEABANK_SHARED_PAGE_VIEWS
            and settings.SESSION_COOKIE_NAME in request.COOKIES
            and "Authorization" not in request.headers
            and "HX-Request" not in request.headers
            and request.user.is_authenticated
            and SessionStorage.session_key not in request.session
        )

    @staticmethod
    def keepable(request, response):
        cache_control = response.get("Cache-Control", "")
        session = getattr(request, "session", None)
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(word in cache_control for word in UNSHAREABLE)
            and not (session is not None and session.modified)
        )

    @staticmethod
    def keep_for_audience(request, response, cache_key):
        """Keep a signed-in page, emptied of its personal parts, if its view shared it; answer it unmarked."""
        if response.streaming:
            return
        cache_control = response.get("Cache-Control", "")
        messages = getattr(request, "_messages", None)
        if (
            cache_key
            and response.status_code == 200
            and getattr(request, "shared_with_audience", False)
            and not any(word in cache_control for word in NOT_KEPT)
            and not (messages is not None and len(messages))
            and not personal.forged(request, response.content)
        ):
            store.save(cache_key, response, personal.hollow(response.content), request.shared_not_with)
        response.content = personal.unmarked(response.content)
