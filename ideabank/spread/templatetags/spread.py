"""Spread on other apps' pages: `{% method_spread page %}` on a method, `{% idea_spread idea %}` on an idea."""

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import charts, encounters, queries, suppression
from ..forms import AdoptionForm
from ..models import Adoption, AdoptionStatus, Encounter
from ..services import can_manage

register = template.Library()


def _registration_form(user, own):
    """The "vi bruger den" form for staff whose organisation has not registered yet."""
    if own is not None or not (user.is_authenticated and user.is_active and user.organisation_id):
        return None
    return AdoptionForm(organisation=user.organisation, user=user)


@register.inclusion_tag("spread/includes/method_spread.html", takes_context=True)
def method_spread(context, method):
    """Where the method is used (counts, tile map, curve, list by region) and what it achieved for citizens."""
    request = context["request"]
    user = request.user
    spread = queries.method_spread(method)
    outcomes = suppression.outcomes(queries.method_outcomes(method), user)
    own = queries.own_adoption(user, spread["adoptions"])
    comparison = [(row["organisation"].name, row["share"], False) for row in outcomes["organisations"] if row["share"]]
    if len(comparison) > 1 and outcomes["share"] is not None:
        comparison.append((None, outcomes["share"], True))
    answers = encounters.results(Encounter.objects.filter(adoption__method=method), user)
    return {
        "request": request,
        "user": user,
        "method": method,
        "spread": spread,
        "statuses": AdoptionStatus,
        "status_rows": [(status, spread["counts"][status.value]) for status in AdoptionStatus],
        "curve": charts.adoption_curve(spread["timeline"], timezone.localdate()),
        "tile_map": charts.tile_map(queries.municipalities(), charts.status_states(spread["municipalities"]))
        if spread["total"]
        else None,
        "outcomes": outcomes,
        "comparison": charts.share_comparison(comparison),
        "encounter_results": answers,
        "encounter_chart": charts.monthly_share(answers["months"]),
        "own": own,
        "can_manage_own": own is not None and can_manage(user, own),
        # A draft (an editor's preview) cannot be adopted yet.
        "form": _registration_form(user, own) if method.live else None,
    }


@register.inclusion_tag("spread/includes/idea_spread.html", takes_context=True)
def idea_spread(context, idea):
    """On a public idea: the organisations using it before it becomes a method, and a link to join them.

    One query: the idea page has a query budget, so the form itself lives on its own page.
    """
    request = context["request"]
    user = request.user
    if not idea.is_public:
        return {"show": False}
    adoptions = list(
        Adoption.objects.filter(idea=idea, method__isnull=True)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    own = queries.own_adoption(user, adoptions)
    return {
        "show": True,
        "request": request,
        "idea": idea,
        "adoptions": adoptions,
        "own": own,
        "can_register": own is None and user.is_authenticated and user.is_active and bool(user.organisation_id),
    }


@register.inclusion_tag("spread/includes/method_use_button.html", takes_context=True)
def method_use_button(context, method):
    """ "Vi bruger metoden" beside a method's title: the short adoption form for staff, their registration
    when their organisation already has one, and the way in for visitors. One query, for staff only."""
    user = context["request"].user
    own = None
    if user.is_authenticated and user.organisation_id:
        own = Adoption.objects.filter(method=method, organisation_id=user.organisation_id).first()
    return {"request": context["request"], "user": user, "method": method, "own": own}


@register.filter
def shown(value):
    """A published count: the number, or "<5" where it is suppressed (ideabank/spread/suppression.py)."""
    return f"<{suppression.MINIMUM}" if value is None else value


@register.filter
def share_text(figures):
    """The helped share of published figures (Tally.out) with its interval, or why it is not shown."""
    if figures.get("share_helped") is None:
        return _("færre end %(minimum)d svar") % {"minimum": suppression.MINIMUM}
    return _("%(percent)s %% (%(low)s–%(high)s %%)") % {
        "percent": round(100 * figures["share_helped"]),
        "low": round(100 * figures["ci_low"]),
        "high": round(100 * figures["ci_high"]),
    }
