"""Every API error is JSON `{"detail": …}` with the right status and a message in the user's language.

A 422 also carries `errors`: one `{"field", "msg"}` per problem, the typed place for clients to read them
(`detail` holds the same list, as it always has within v1). openapi.py documents this one shape.
"""

from contextlib import contextmanager
from functools import wraps

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, Throttled, ValidationError

from ideabank import ratelimit
from ideabank.body_size import declared_length
from ideabank.errors import Conflict

# Nothing the API accepts comes near this; a larger body is refused before it is parsed.
MAX_BODY_BYTES = 64 * 1024
BODY_METHODS = ("POST", "PUT", "PATCH", "DELETE")


@contextmanager
def labelled(model, **extra):
    """Let field errors raised inside name the field as the user knows it (the model's verbose name)."""
    try:
        yield
    except DjangoValidationError as error:
        labels = {
            field.name: field.verbose_name
            for field in model._meta.get_fields()
            if getattr(field, "verbose_name", None) is not None
        }
        error.field_labels = {**labels, **extra}
        raise


def field_errors(error, labels=None):
    """A Django ValidationError as [{"field", "msg"}]; each message starts with the field's name."""
    labels = labels or {}
    if not hasattr(error, "error_dict"):
        return [{"field": None, "msg": message} for message in error.messages]
    rows = []
    for field, errors in error.message_dict.items():
        if field == NON_FIELD_ERRORS:
            rows.extend({"field": None, "msg": message} for message in errors)
            continue
        label = capfirst(str(labels.get(field, field)))
        rows.extend({"field": field, "msg": f"{label}: {message}"} for message in errors)
    return rows


def upload_limit():
    """A multipart body carries one attached file: its limit plus room for the form's other parts."""
    return settings.IDEABANK_ATTACHMENT_MAX_BYTES + 64 * 1024


def _too_large(request):
    length = declared_length(request)
    if request.content_type == "multipart/form-data":
        # Judged by the declared length alone: the parser streams files to disk, the body is never read whole.
        return length is None or length > upload_limit()
    if length is not None and length > MAX_BODY_BYTES:
        return True
    # A body sent without a (truthful) length is measured; Django refuses anything huge on its own.
    try:
        return len(request.body) > MAX_BODY_BYTES
    except RequestDataTooBig:
        return True


def install(api):
    def not_found(request, exc):
        return api.create_response(request, {"detail": _("Findes ikke.")}, status=404)

    def unauthenticated(request, exc):
        return api.create_response(
            request, {"detail": _("Du skal være logget ind eller sende en gyldig API-nøgle.")}, status=401
        )

    def forbidden(request, exc):
        message = exc.message if exc.message != "Forbidden" else _("Du har ikke adgang til dette.")
        return api.create_response(request, {"detail": message}, status=403)

    def invalid(request, exc):
        # Ninja reports where the bad value was ("body", "title"); `field` names it for clients that only want that.
        for error in exc.errors:
            names = [part for part in error.get("loc", ()) if isinstance(part, str)]
            error.setdefault("field", names[-1] if len(names) > 1 else None)
        return api.create_response(request, {"detail": exc.errors, "errors": exc.errors}, status=422)

    def denied(request, exc):
        message = str(exc) or _("Du har ikke adgang til dette.")
        return api.create_response(request, {"detail": message}, status=403)

    def rejected(request, exc):
        detail = field_errors(exc, getattr(exc, "field_labels", None))
        return api.create_response(request, {"detail": detail, "errors": detail}, status=422)

    def conflict(request, exc):
        return api.create_response(request, {"detail": str(exc)}, status=409)

    def rate_limited(request, exc):
        response = api.create_response(request, {"detail": str(exc)}, status=429)
        if exc.retry_after is not None:
            response["Retry-After"] = str(exc.retry_after)
        return response

    def http_error(request, exc):
        message = str(exc)
        # Ninja's own messages, in the user's language.
        if exc.status_code == 400 and message.startswith("Cannot parse request body"):
            message = _("Forespørgslen er ikke gyldig JSON.")
        elif exc.status_code == 403 and message == "CSRF check Failed":
            message = _("CSRF-kontrollen fejlede. Send X-CSRFToken-headeren med, eller brug en API-nøgle.")
        return api.create_response(request, {"detail": message}, status=exc.status_code)

    def limit_body(run):
        """Refuse oversized write bodies with 413 before anything reads or parses them."""

        @wraps(run)
        def checked(request, *args, **kwargs):
            if request.method in BODY_METHODS and _too_large(request):
                message = _("Forespørgslen er for stor (højst %(size)s KiB).") % {"size": MAX_BODY_BYTES // 1024}
                if request.content_type == "multipart/form-data":
                    message = _("Filen er for stor. Den må højst være %(size)d MB.") % {
                        "size": settings.IDEABANK_ATTACHMENT_MAX_BYTES // 1024 // 1024
                    }
                return api.create_response(request, {"detail": message}, status=413)
            return run(request, *args, **kwargs)

        return checked

    def rate_limit_headers(run):
        """RateLimit-Limit, -Remaining and -Reset (the IETF draft) on every answer of a rate-limited operation."""

        @wraps(run)
        def counted(request, *args, **kwargs):
            response = run(request, *args, **kwargs)
            usage = getattr(request, "rate_limit", None)
            if usage is not None:
                response["RateLimit-Limit"] = str(usage["limit"])
                response["RateLimit-Remaining"] = str(usage["remaining"])
                response["RateLimit-Reset"] = str(usage["reset"])
            return response

        return counted

    def throttled(request, exc):
        return api.create_response(
            request, {"detail": _("For mange forespørgsler. Vent lidt, og prøv igen.")}, status=429
        )

    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(Http404, not_found)
    # An id beyond the database's 64-bit keys (SQLite refuses to bind it) names nothing.
    api.add_exception_handler(OverflowError, not_found)
    api.add_exception_handler(Throttled, throttled)
    api.add_exception_handler(AuthenticationError, unauthenticated)
    api.add_exception_handler(AuthorizationError, forbidden)
    api.add_exception_handler(ValidationError, invalid)
    api.add_exception_handler(PermissionDenied, denied)
    api.add_exception_handler(DjangoValidationError, rejected)
    api.add_exception_handler(Conflict, conflict)
    api.add_exception_handler(ratelimit.RateLimited, rate_limited)
    api.add_decorator(limit_body, mode="view")
    api.add_decorator(rate_limit_headers, mode="view")
