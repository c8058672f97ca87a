"""The spread app's part of a user's data: adoptions they are contact for and outcome reports they filed;
and, when the account is deleted, those adoptions lose their contact rather than point at a former person."""

from ideabank.accounts import privacy

from .models import Adoption, CitizenCode, Encounter, OutcomeReport


@privacy.export_section("adoptions")
def adoptions_section(user):
    return [
        {
            "id": adoption.pk,
            "method": adoption.method.title if adoption.method_id else None,
            "idea": adoption.idea.title if adoption.idea_id else None,
            "organisation": adoption.organisation.name,
            "status": adoption.status,
            "started": adoption.started.isoformat(),
        }
        for adoption in Adoption.objects.filter(contact=user).select_related("method", "idea", "organisation")
    ]


@privacy.export_section("outcome_reports")
def outcome_reports_section(user):
    return [
        {
            "id": report.pk,
            "adoption": report.adoption_id,
            "period_start": report.period_start.isoformat(),
            "period_end": report.period_end.isoformat(),
            "created": privacy.when(report.created),
        }
        for report in OutcomeReport.objects.filter(reported_by=user)
    ]


@privacy.export_section("encounters")
def encounters_section(user):
    """How many meetings the user registered, per adoption and month (the answers belong to the citizens)."""
    from django.db.models import Count
    from django.db.models.functions import TruncMonth

    rows = (
        Encounter.objects.filter(registered_by=user)
        .annotate(month=TruncMonth("met_on"))
        .values("adoption_id", "month")
        .annotate(n=Count("pk"))
        .order_by("adoption_id", "month")
    )
    return [{"adoption": row["adoption_id"], "month": str(row["month"])[:7], "registered": row["n"]} for row in rows]


@privacy.deletion_step
def forget_contact(user):
    """Adoptions name no contact once theirs is gone; colleagues can name a new one."""
    Adoption.objects.filter(contact=user).update(contact=None)
    OutcomeReport.objects.filter(reported_by=user).update(reported_by=None)
    # The answers stay (they are the organisation's results); who typed them in does not.
    Encounter.objects.filter(registered_by=user).update(registered_by=None)
    CitizenCode.objects.filter(created_by=user).update(created_by=None)
