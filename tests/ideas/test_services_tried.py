""" "Vi har prøvet det" (issue #3 §7): an organisation reports it tried an idea, once, and the idea
reaches stage `tried` — never lower than an editor already put it."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ideabank.errors import Conflict
from ideabank.ideas import services
from ideabank.ideas.models import Idea, Stage, TriedReport
from tests.factories import IdeaFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

LAST_SPRING = date(2025, 3, 1)


@pytest.fixture
def idea(staff):
    return IdeaFactory(author=staff)


def report(user, idea, **overrides):
    fields = {"tried_from": LAST_SPRING, "what_happened": "Færre unge faldt ud af uddannelse."} | overrides
    return services.report_tried(user, idea, **fields)


def stage_in_db(idea):
    return Idea.objects.values_list("stage", flat=True).get(pk=idea.pk)


def test_another_organisation_reports_it_tried_the_idea(idea, outsider):
    tried = report(outsider, idea, tried_to=date(2025, 9, 1))

    assert tried.organisation == outsider.organisation
    assert tried.author == outsider
    assert tried.tried_to == date(2025, 9, 1)
    assert TriedReport.objects.filter(idea=idea).count() == 1


def test_a_tried_report_lifts_the_idea_to_stage_tried(idea, outsider):
    report(outsider, idea)

    assert idea.stage == Stage.TRIED
    assert stage_in_db(idea) == Stage.TRIED


def test_one_report_per_organisation(idea, outsider, odense):
    report(outsider, idea)
    other_odense_member = UserFactory(organisation=odense)

    with pytest.raises(Conflict):
        report(other_odense_member, idea, what_happened="Vi har også prøvet det.")

    assert TriedReport.objects.filter(idea=idea).count() == 1


def test_several_organisations_may_report(idea, outsider):
    report(outsider, idea)
    report(UserFactory(organisation=OrganisationFactory()), idea)

    assert TriedReport.objects.filter(idea=idea).count() == 2
    assert stage_in_db(idea) == Stage.TRIED


@pytest.mark.parametrize("stage", [Stage.PROMISING, Stage.METHOD, Stage.EVIDENCE])
def test_a_tried_report_never_lowers_a_higher_stage(staff, outsider, stage):
    idea = IdeaFactory(author=staff, stage=stage)

    report(outsider, idea)

    assert idea.stage == stage
    assert stage_in_db(idea) == stage


def test_raise_stage_moves_up_but_never_down(idea):
    services.raise_stage(idea, Stage.PROMISING)
    services.raise_stage(idea, Stage.TRIED)

    assert stage_in_db(idea) == Stage.PROMISING == idea.stage


def test_a_start_date_in_the_future_is_refused(idea, outsider):
    with pytest.raises(ValidationError) as caught:
        report(outsider, idea, tried_from=timezone.localdate() + timedelta(days=1))

    assert "tried_from" in caught.value.message_dict
    assert not TriedReport.objects.exists()
    assert stage_in_db(idea) == Stage.IDEA


def test_today_is_a_valid_start_date(idea, outsider):
    report(outsider, idea, tried_from=timezone.localdate())
    assert TriedReport.objects.exists()


def test_an_end_date_before_the_start_date_is_refused(idea, outsider):
    with pytest.raises(ValidationError) as caught:
        report(outsider, idea, tried_from=date(2025, 5, 1), tried_to=date(2025, 4, 30))

    assert "tried_to" in caught.value.message_dict
    assert not TriedReport.objects.exists()
    assert stage_in_db(idea) == Stage.IDEA


@pytest.mark.parametrize(
    "what_happened", ["Borgeren 010190-1234 fik et job.", "Nul\x00byte", ""], ids=["cpr", "nul", "empty"]
)
def test_bad_text_is_refused_naming_the_field_and_nothing_is_stored(idea, outsider, what_happened):
    with pytest.raises(ValidationError) as caught:
        report(outsider, idea, what_happened=what_happened)

    assert "what_happened" in caught.value.message_dict
    assert not TriedReport.objects.exists()
    assert stage_in_db(idea) == Stage.IDEA


@pytest.mark.parametrize("status", [Idea.Status.DRAFT, Idea.Status.PENDING, Idea.Status.HIDDEN, Idea.Status.MERGED])
def test_only_published_ideas_take_tried_reports(staff, outsider, status):
    idea = IdeaFactory(author=staff, status=status)

    with pytest.raises(PermissionDenied):
        report(outsider, idea)
    assert not TriedReport.objects.exists()


def test_a_user_without_an_organisation_cannot_report(idea):
    loner = UserFactory(organisation=None)

    with pytest.raises(PermissionDenied):
        report(loner, idea)
    assert not TriedReport.objects.exists()


def test_anonymous_visitors_cannot_report(idea):
    with pytest.raises(PermissionDenied):
        report(AnonymousUser(), idea)
