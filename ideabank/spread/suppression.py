"""Small numbers are never published (DESIGN §9): a count below five, or a share computed from fewer than
five answers, could point at a person. Every public page, API answer and open-data file passes its citizen
figures through here, so the rule is written once. The organisation's own staff and editors see exact figures.

Suppressed values become None: `null` in JSON, an empty cell in CSV, "<5" on pages (the `shown` filter).
"""

from ideabank.accounts.roles import is_editor

MINIMUM = 5


def count(value, exact=False):
    """The count, or None when it is below the minimum and the viewer may not see it exactly."""
    if exact or value is None or value >= MINIMUM:
        return value
    return None


def share(value, exact=False):
    """A statistics.Share, or None when it rests on fewer answers than the minimum."""
    if exact or value is None or value.asked >= MINIMUM:
        return value
    return None


def together(values):
    """Counts whose sum is published elsewhere: if any one is suppressed, all are, since a single hidden
    count would be the sum less the others."""
    if any(value is None for value in values):
        return [None] * len(values)
    return values


def sees_exact(user, organisation_id=None):
    """Editors see every exact figure; staff see their own organisation's (organisation_id None: only editors)."""
    if not (user is not None and user.is_authenticated and user.is_active):
        return False
    if is_editor(user):
        return True
    return organisation_id is not None and user.organisation_id == organisation_id


def outcomes(figures, user):
    """statistics.method_outcomes as `user` may see it: the method's totals exactly for editors, each
    organisation's row exactly for its own staff, everything else with small numbers suppressed."""
    editor = sees_exact(user)
    rows = []
    for row in figures["organisations"]:
        exact = sees_exact(user, row["organisation"].pk)
        rows.append(
            {
                **row,
                "citizens_reached": count(row["citizens_reached"], exact),
                "citizens_asked": count(row["share"].asked, exact),
                "citizens_helped": count(row["share"].helped, exact),
                "share": share(row["share"], exact),
            }
        )
    return {
        **figures,
        "citizens_reached": count(figures["citizens_reached"], editor),
        "citizens_asked": count(figures["citizens_asked"], editor),
        "citizens_helped": count(figures["citizens_helped"], editor),
        "share": share(figures["share"], editor),
        "organisations": rows,
    }
