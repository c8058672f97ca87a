"""The address a request really comes from, for every throttle and lockout.

`X-Forwarded-For` is whatever the client sends unless a proxy we run wrote it, so it is read only when
`IDEABANK_TRUSTED_PROXIES` says how many of our own proxies stand in front (nginx appends the address it
saw; with one trusted proxy the last entry is the client). With the default 0 only the socket counts.
"""

from django.conf import settings


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.IDEABANK_TRUSTED_PROXIES
    if not trusted:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    return hops[-min(trusted, len(hops))] if hops else remote
