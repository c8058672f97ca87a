"""Working through the escalation queue: search, filters, the tried-reports sort, snooze and dismiss with a
logged reason, and the editor's dashboard panel."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from ideabank.ideas import services as ideas
from ideabank.methods import services
from ideabank.methods.models import AssessmentDraft, QueueSetAside
from ideabank.methods.queries import QueueFilters, escalation_queue
from ideabank.taxonomy.models import Region
from tests.factories import IdeaFactory, OrganisationFactory, UserFactory, make_method

pytestmark = pytest.mark.django_db

QUEUE = "/admin/knowledge/queue/"


def tried_by(idea, organisations):
    for _ in range(organisations):
        ideas.report_tried(
            UserFactory(organisation=OrganisationFactory()),
            idea,
            tried_from=datetime.date(2025, 2, 1),
            what_happened="Borgerne kom oftere.",
        )
    return idea


@pytest.fixture
def editor_client(signed_in, editor):
    return signed_in(editor)


@pytest.fixture
def queue(editor, target_group, theme):
    """Three queued ideas: one on loneliness in Aarhus (pinned), one tried twice, one tried once."""
    lonely = IdeaFactory(title="Madklub mod ensomhed", solution="Fællesspisning hver tirsdag.", themes=[theme])
    services.pin(editor, lonely)
    twice = tried_by(IdeaFactory(title="Walk and talk", target_groups=[target_group]), 2)
    once = tried_by(IdeaFactory(title="Lektiecafé på biblioteket"), 1)
    return lonely, twice, once


def titles(**query):
    return [idea.title for idea in escalation_queue(filters=QueueFilters.from_query(query))]


def test_search_finds_words_in_the_ideas_text(queue):
    assert titles(q="fællesspisning") == ["Madklub mod ensomhed"]
    assert titles(q="ingen idé handler om dette") == []


def test_filters_narrow_by_theme_target_group_region_and_stage(queue, target_group, theme):
    assert titles(theme=theme.slug) == ["Madklub mod ensomhed"]
    assert titles(target_group=target_group.slug) == ["Walk and talk"]
    aarhus_region = queue[0].organisation.region
    other_region = Region.objects.exclude(pk=aarhus_region.pk).first()
    assert len(titles(region=str(aarhus_region.code))) == 3
    assert titles(region=str(other_region.code)) == []
    assert set(titles(stage="tried")) == {"Walk and talk", "Lektiecafé på biblioteket"}
    assert titles(stage="method") == titles()  # not a queue stage: ignored, never an error


def test_the_tried_sort_puts_the_most_tried_idea_first(queue):
    assert titles(sort="tried")[:2] == ["Walk and talk", "Lektiecafé på biblioteket"]


def test_the_queue_page_shows_filters_count_and_results(editor_client, queue, theme):
    html = editor_client.get(QUEUE, {"theme": theme.slug}).content.decode()

    assert "1 idé i køen" in html
    assert "Madklub mod ensomhed" in html and "Walk and talk" not in html
    assert f'<option value="{theme.slug}" selected>' in html
    assert 'role="search"' in html


def test_snoozing_takes_an_idea_out_until_the_day_and_logs_why(editor_client, editor, queue):
    lonely = queue[0]
    response = editor_client.post(
        reverse("methods_admin:set_aside", args=[lonely.pk]),
        {"kind": "snooze", "days": "30", "reason": "Venter på evaluering fra Aarhus."},
    )

    assert response.status_code == 302
    assert "Madklub mod ensomhed" not in titles()
    decision = QueueSetAside.objects.get(idea=lonely)
    assert decision.until == timezone.localdate() + datetime.timedelta(days=30)
    entry = ModelLogEntry.objects.get(action="ideabank.queue_snooze", object_id=str(lonely.pk))
    assert entry.user == editor and entry.data["reason"] == "Venter på evaluering fra Aarhus."
    # Once the day has passed, it is back.
    QueueSetAside.objects.filter(pk=decision.pk).update(until=timezone.localdate())
    assert "Madklub mod ensomhed" in titles()


def test_dismissing_needs_a_reason_and_shows_in_the_set_aside_list(editor_client, queue):
    walk = queue[1]
    url = reverse("methods_admin:set_aside", args=[walk.pk])

    refused = editor_client.post(url, {"kind": "dismiss", "reason": ""}, follow=True)
    assert "Begrundelse: Dette felt er påkrævet." in refused.content.decode()
    assert not QueueSetAside.objects.exists()

    editor_client.post(url, {"kind": "dismiss", "reason": "Findes allerede som metode."})
    assert "Walk and talk" not in titles()
    html = editor_client.get(QUEUE).content.decode()
    assert "Taget ud af køen" in html and "Findes allerede som metode." in html

    editor_client.post(url, {"action": "return"})
    assert "Walk and talk" in titles()
    assert ModelLogEntry.objects.filter(action="ideabank.queue_return", object_id=str(walk.pk)).exists()


def test_a_cpr_number_in_the_reason_is_refused_and_nothing_is_stored(editor_client, queue):
    response = editor_client.post(
        reverse("methods_admin:set_aside", args=[queue[0].pk]),
        {"kind": "dismiss", "reason": "Borgeren 010190-1234 ville ikke"},
        follow=True,
    )

    assert response.status_code == 200
    assert "Begrundelse: Teksten ser ud til at indeholde et CPR-nummer." in response.content.decode()
    assert not QueueSetAside.objects.exists()
    assert "Madklub mod ensomhed" in titles()


def test_pinning_brings_a_dismissed_idea_back(editor, queue):
    services.set_aside(editor, queue[2], kind="dismiss", reason="Ikke relevant nu.")
    assert "Lektiecafé på biblioteket" not in titles()

    services.pin(editor, queue[2])

    assert "Lektiecafé på biblioteket" in titles()


def test_only_editors_may_set_ideas_aside(signed_in, moderator, queue):
    response = signed_in(moderator).post(
        reverse("methods_admin:set_aside", args=[queue[0].pk]), {"kind": "dismiss", "reason": "Nej."}
    )

    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")  # Wagtail's refusal
    assert not QueueSetAside.objects.exists()


def test_the_dashboard_panel_counts_the_editors_work(editor_client, editor, queue, idea):
    services.save_assessment_draft(editor, idea, scores={}, conclusion="")
    make_method(live=False, title="Metode under arbejde")

    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "3 idéer venter i eskaleringskøen" in html
    assert "1 vurdering er i gang" in html
    assert "0 metodekladder venter på godkendelse" in html
    assert "1 metode er ikke udgivet" in html
    assert "0 åbne anmeldelser" in html
    assert reverse("methods_admin:assess_idea", args=[idea.pk]) in html
    assert AssessmentDraft.objects.count() == 1
