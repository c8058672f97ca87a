"""Serves and stores whole pages for anonymous visitors (see the package docstring).

A request is served from the cache only when nothing about it can be personal: a GET to one of the
views in `IDEABANK_PAGE_CACHE_VIEWS`, no cookies but the CSRF and language ones (so no session and no
pending messages), no Authorization header and no htmx fragment request. A response is kept only
when it is a complete 200 that sets no cookie and does not forbid shared caching. Every other
successful request that may write (POST, PUT, PATCH, DELETE) moves the generation on, which also
covers writes that bypass model signals such as `QuerySet.update()`.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from . import store

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
UNSHAREABLE = ("private", "no-store", "no-cache")


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in SAFE_METHODS or not store.seconds():
            response = self.get_response(request)
            cache_key = getattr(request, "_page_cache_key", None)
            if cache_key and self.keepable(request, response):
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
        if not self.cacheable(request):
            return None
        cache_key = store.key(request, store.generation())
        cached = store.load(cache_key, request)
        if cached is None:
            request._page_cache_key = cache_key
            return None
        status, headers, content = cached
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
