"""The assessment page in the admin: 11 elements scored with reasons, the editor's conclusion, the
latest profile and the history — for ideas and for methods."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from ideabank.ideas.models import Idea, Stage
from ideabank.methods import services
from ideabank.methods.elements import element_keys
from ideabank.methods.models import Assessment, AssessmentScore
from tests.factories import IdeaFactory, full_scores, make_method

pytestmark = pytest.mark.django_db


def form_data(conclusion="promising", **overrides):
    data = {"conclusion": conclusion}
    for key, entry in full_scores(2).items():
        data[f"{key}_score"] = entry["score"]
        data[f"{key}_justification"] = entry["justification"]
    data.update(overrides)
    return data


def assess_url(target):
    name = "methods_admin:assess_idea" if isinstance(target, Idea) else "methods_admin:assess_method"
    return reverse(name, args=[target.pk])


def messages_of(response):
    """The messages of this response (Wagtail's admin adds its own markup after the text)."""
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


@pytest.fixture
def editor_client(signed_in, editor):
    return signed_in(editor)


def test_the_form_has_a_score_and_a_reason_for_each_element(editor_client, idea):
    html = editor_client.get(assess_url(idea)).content.decode()

    for key in element_keys():
        for score in range(4):
            assert f'name="{key}_score" value="{score}"' in html, key
        assert f'name="{key}_justification"' in html, key
    assert "1. Teori og viden" in html
    assert "11. Opfølgning" in html
    assert 'name="conclusion" value="promising"' in html
    assert 'name="conclusion" value="not_yet"' in html
    assert idea.title in html


def test_an_editor_assesses_an_idea(editor_client, editor, idea):
    response = editor_client.post(assess_url(idea), form_data(virkning_score=3))

    assert response.status_code == 302
    assert response["Location"] == assess_url(idea)
    assessment = Assessment.objects.get()
    assert (assessment.idea, assessment.assessor, assessment.conclusion) == (idea, editor, "promising")
    assert assessment.scores.get(element="virkning").score == 3
    assert messages_of(response) == ["Vurderingen er gemt: Lovende praksis (systemets forslag: Lovende praksis)."]
    idea.refresh_from_db()
    assert idea.stage == Stage.PROMISING


def test_the_suggestion_is_reported_when_the_editor_decides_otherwise(editor_client, idea):
    low = {f"{key}_score": 1 for key in element_keys()}

    response = editor_client.post(assess_url(idea), form_data(**low))

    assert messages_of(response) == [
        "Vurderingen er gemt: Lovende praksis (systemets forslag: Endnu ikke lovende praksis)."
    ]


def test_after_saving_the_editor_returns_to_the_queue(editor_client, idea):
    queue = reverse("methods_admin:queue")

    response = editor_client.post(f"{assess_url(idea)}?next={queue}", form_data())

    assert response["Location"] == queue


def test_a_next_address_elsewhere_is_ignored(editor_client, idea):
    response = editor_client.post(f"{assess_url(idea)}?next=https://example.com/", form_data())

    assert response["Location"] == assess_url(idea)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"maal_justification": ""}, "maal_justification"),
        ({"maal_score": ""}, "maal_score"),
        ({"maal_score": "4"}, "maal_score"),
        ({"maal_score": "-1"}, "maal_score"),
        ({"conclusion": "maybe"}, "conclusion"),
        ({"maal_justification": "Borgeren 010190-1234 har fået det bedre."}, "maal_justification"),
    ],
)
def test_bad_input_is_shown_on_the_form_and_nothing_is_stored(editor_client, idea, overrides, field):
    response = editor_client.post(assess_url(idea), form_data(**overrides))

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not Assessment.objects.exists() and not AssessmentScore.objects.exists()
    idea.refresh_from_db()
    assert idea.stage == Stage.IDEA


def test_an_idea_that_is_not_public_cannot_be_assessed(editor_client):
    pending = IdeaFactory(status=Idea.Status.PENDING)

    response = editor_client.post(assess_url(pending), form_data())

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["Kun offentliggjorte idéer kan vurderes."]
    assert not Assessment.objects.exists()


def test_the_page_shows_the_latest_profile_and_the_history(editor_client, editor, idea):
    services.assess(editor, idea, scores=full_scores(1), conclusion="not_yet")
    services.assess(editor, idea, scores=full_scores(3), conclusion="promising")

    html = editor_client.get(assess_url(idea)).content.decode()

    assert "Seneste vurdering" in html
    assert 'class="chart chart-profile"' in html
    assert "Tidligere vurderinger" in html
    assert html.count("Endnu ikke lovende praksis (") == 1


def test_an_editor_assesses_a_method(editor_client, editor):
    method = make_method(title="Housing First")

    response = editor_client.post(assess_url(method), form_data(conclusion="not_yet"))

    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert (assessment.method, assessment.idea, assessment.conclusion) == (method, None, "not_yet")
    assert "Housing First" in editor_client.get(assess_url(method)).content.decode()


def test_unknown_ideas_and_methods_are_404(editor_client):
    assert editor_client.get(reverse("methods_admin:assess_idea", args=[987654])).status_code == 404
    assert editor_client.get(reverse("methods_admin:assess_method", args=[987654])).status_code == 404
