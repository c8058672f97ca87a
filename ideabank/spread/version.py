"""One number that moves on whenever anything the public spread figures show changes: a method page, its
publication or view restrictions, its outcome indicators, an adoption, its history, an outcome report and
its indicator values, or an organisation's name (receivers in signals.py).

The spread overview, the home page's "Nye metoder" and "Spredning" sections and each method's outcome
figures are the same for everyone (suppression for the viewer is applied after) and cost a pass over every
adoption or report, so they are cached under it: a change shows on the next request.
"""

from ideabank import caching
from ideabank.caching import current_version

VERSION_KEY = "spread:version"
# What the cached figures are computed from; each save or delete of one of these moves the version on.
SOURCES = (
    "accounts.Organisation",
    "methods.MethodPage",
    "methods.OutcomeIndicator",
    "wagtailcore.PageViewRestriction",
    "spread.Adoption",
    "spread.StatusChange",
    "spread.OutcomeReport",
    "spread.IndicatorValue",
)


def current():
    return current_version(VERSION_KEY)


def move_on(**kwargs):
    caching.move_on(VERSION_KEY)
