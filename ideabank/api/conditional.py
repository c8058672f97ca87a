"""Conditional GET for the answers clients poll (an idea, a method, the spread): ETag, Last-Modified and 304.

The ETag is a hash of the body as it is sent, so it changes with anything visible in the answer (a vote, a
comment, an edit, a hidden comment, a new adoption or outcome) and differs between users exactly when their
answers differ (`my_vote`, `can_edit`), without a version key to forget to bump. It is weak: the same JSON
compressed or not is the same answer. The body is still built on every request (the few milliseconds of
queries stay); what a poller saves is the transfer, and a 304 tells it at once that nothing changed.

Last-Modified is when this exact answer was first sent (kept in the cache by its ETag): its content cannot
have changed since, because a changed answer has another ETag. When the cache has forgotten it, the answer
counts as new, which costs a full 200 but never a wrong 304. Its resolution is the header's one second;
If-None-Match, which wins when both are sent, is exact.
"""

import hashlib
import time
from functools import wraps

from django.core.cache import cache
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

# How long the time an answer was first sent is remembered; forgetting it only costs one full answer.
FIRST_SENT_SECONDS = 7 * 24 * 3600


def etag_of(body):
    return f'W/"{hashlib.blake2b(body, digest_size=16).hexdigest()}"'


def first_sent(path, etag):
    """When the answer with this ETag was first sent for this path (seconds since the epoch)."""
    # Hashed: the path is the client's to choose, and a cache key must stay short.
    key = "api:first-sent:" + hashlib.blake2b(f"{path} {etag}".encode(), digest_size=16).hexdigest()
    sent = cache.get(key)
    if sent is None:  # new: remember now, unless another request just did (add keeps the first)
        cache.add(key, int(time.time()), FIRST_SENT_SECONDS)
        sent = cache.get(key) or int(time.time())
    return sent


def conditional(view):
    """A view decorator (with Ninja's `decorate_view`) that validates the view's 200 answer: ETag and
    Last-Modified on it, 304 with an empty body instead when the client's copy is still current."""

    @wraps(view)
    def answer(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method != "GET" or response.status_code != 200:
            return response
        etag = etag_of(response.content)
        sent = first_sent(request.get_full_path(), etag)
        response["ETag"] = etag
        response["Last-Modified"] = http_date(sent)
        # Stale at once, so a browser revalidates instead of guessing a freshness from Last-Modified; the answer
        # may be personal (token or session), so a cache keeps it per user. (No `no-cache`: the anonymous
        # answer is still one ideabank/pagecache may keep.)
        patch_cache_control(response, max_age=0)
        patch_vary_headers(response, ("Authorization", "Cookie", "Accept-Language"))
        return get_conditional_response(request, etag=etag, last_modified=sent, response=response)

    return answer
