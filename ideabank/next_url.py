"""Where an action sends the user afterwards: the request's `next`, but only as a path on this site.

Django's and Wagtail's checks pass any same-host reference, and a bare word such as "abc" or "-1" is one;
`redirect()` then reads it as a view name and fails with a 500.
"""

from django.utils.http import url_has_allowed_host_and_scheme


def local_path(request, candidate):
    """`candidate` when it is a path on this site ("/…", not "//host"), else ""."""
    if (
        candidate
        and candidate.startswith("/")
        and not candidate.startswith("//")
        and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return candidate
    return ""


def local_next_url(request):
    """`next` from the request (POST before GET) when it is a path on this site, else ""."""
    return local_path(request, request.POST.get("next") or request.GET.get("next") or "")
