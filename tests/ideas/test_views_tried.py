"""'Vi har prøvet det' in the browser (POST /ideer/<pk>/afproevet/): staff report that their
organisation tried an idea; the idea reaches stage `tried`."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ideabank.ideas.models import Idea, Stage, TriedReport
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(staff):
    return IdeaFactory(author=staff)


def url(idea):
    return reverse("ideas:tried", args=[idea.pk])


def data(**overrides):
    values = {"tried_from": "2025-02-01", "tried_to": "", "what_happened": "Flere unge kom i gang med uddannelse."}
    values.update(overrides)
    return values


def test_staff_of_another_organisation_report_and_the_stage_rises(client, outsider, idea):
    client.force_login(outsider)

    response = client.post(url(idea), data(), follow=True)

    report = TriedReport.objects.get()
    assert report.organisation == outsider.organisation
    assert report.author == outsider
    assert str(report.tried_from) == "2025-02-01"
    assert report.tried_to is None
    assert Idea.objects.get(pk=idea.pk).stage == Stage.TRIED
    assert response.redirect_chain == [(f"{idea.get_absolute_url()}#tried", 302)]
    html = response.content.decode()
    assert "Tak! Jeres afprøvning står nu på idéen." in html
    assert "Afprøvet siden 1. februar 2025" in html
    assert "Flere unge kom i gang med uddannelse." in html


def test_a_second_report_from_the_same_organisation_is_a_friendly_message(client, outsider, idea):
    client.force_login(outsider)
    client.post(url(idea), data(), follow=True)

    response = client.post(url(idea), data(what_happened="Igen"), follow=True)

    assert response.redirect_chain == [(f"{idea.get_absolute_url()}#tried", 302)]
    messages = [str(message) for message in response.context["messages"]]
    assert messages == ["Din organisation har allerede meldt, at den har prøvet idéen."]
    assert TriedReport.objects.count() == 1


def test_errors_show_the_form_again_and_store_nothing(client, outsider, idea):
    client.force_login(outsider)

    response = client.post(url(idea), data(tried_from="", what_happened="CPR 010190-1234"))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="#id_tried_tried_from">Afprøvet fra: Skriv, hvornår I begyndte.</a>' in html
    assert "Hvad skete der?: Teksten ser ud til at indeholde et CPR-nummer" in html
    assert '<details class="details" open>' in html
    assert not TriedReport.objects.exists()
    assert Idea.objects.get(pk=idea.pk).stage == Stage.IDEA


def test_a_future_start_is_refused_on_its_field(client, outsider, idea):
    client.force_login(outsider)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    response = client.post(url(idea), data(tried_from=tomorrow))

    assert "Afprøvet fra: Datoen ligger i fremtiden." in response.content.decode()
    assert not TriedReport.objects.exists()


def test_an_end_before_the_start_is_refused(client, outsider, idea):
    client.force_login(outsider)
    response = client.post(url(idea), data(tried_to="2025-01-01"))
    assert "Afprøvet til: Slutdatoen ligger før startdatoen." in response.content.decode()
    assert not TriedReport.objects.exists()


def test_anonymous_reports_go_to_login(client, idea):
    assert client.post(url(idea), data()).status_code == 302
    assert not TriedReport.objects.exists()


def test_a_draft_cannot_be_reported_as_tried(client, staff, outsider):
    draft = IdeaFactory(author=staff, status=Idea.Status.DRAFT)
    client.force_login(outsider)
    assert client.post(url(draft), data()).status_code == 404
    client.force_login(staff)
    assert client.post(url(draft), data()).status_code == 403
    assert not TriedReport.objects.exists()
