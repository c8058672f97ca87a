"""Every API error is JSON `{"detail": …}` with the right status and a message in the user's language."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError


class Conflict(HttpError):
    def __init__(self, message):
        super().__init__(409, message)


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
        return api.create_response(request, {"detail": exc.errors}, status=422)

    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(AuthenticationError, unauthenticated)
    api.add_exception_handler(AuthorizationError, forbidden)
    api.add_exception_handler(ValidationError, invalid)
