"""Exceptions that every app's rules may raise and every edge (HTML views, API, admin) knows how to answer.

They live here, below all apps, so that accounts, ideas, methods and spread can share them without
importing each other's services. Permission problems use Django's own PermissionDenied, invalid input
Django's ValidationError; what is left is the clash with the current state.
"""

from django.core.exceptions import PermissionDenied


class Conflict(Exception):
    """The request is valid but clashes with the current state (e.g. a second vote). HTTP 409."""


def require(condition, message):
    """Refuse (PermissionDenied, HTTP 403) with `message` unless `condition` holds."""
    if not condition:
        raise PermissionDenied(message)
