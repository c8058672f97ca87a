"""The assessment page as an editor works on it: the idea in full beside the form, each element's
description and guiding questions, the suggestion without JavaScript, drafts that resume, and headings
that name the idea."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from ideabank.ideas import services as ideas
from ideabank.methods import services
from ideabank.methods.elements import elements
from ideabank.methods.models import Assessment, AssessmentDraft
from ideabank.spread.models import Adoption
from tests.factories import OrganisationFactory, UserFactory, full_scores

pytestmark = pytest.mark.django_db


def assess_url(idea):
    return reverse("methods_admin:assess_idea", args=[idea.pk])


def form_data(score=2, conclusion="promising", **extra):
    data = {"conclusion": conclusion}
    for key, entry in full_scores(score).items():
        data[f"{key}_score"] = entry["score"]
        data[f"{key}_justification"] = entry["justification"]
    data.update(extra)
    return data


@pytest.fixture
def editor_client(signed_in, editor):
    return signed_in(editor)


@pytest.fixture
def rich_idea(idea):
    """The fixture idea with results, two votes from two organisations, a tried report and an adoption."""
    idea.results = "Færre unge faldt fra uddannelse."
    idea.save()
    for _ in range(2):
        ideas.cast_vote(UserFactory(organisation=OrganisationFactory()), idea)
    ideas.report_tried(
        UserFactory(organisation=OrganisationFactory(name="Efterværn Kolding")),
        idea,
        tried_from=datetime.date(2025, 1, 1),
        what_happened="Tre af fire unge blev i uddannelse.",
    )
    Adoption.objects.create(
        idea=idea, organisation=OrganisationFactory(name="Ungeteam Odense"), status="piloting", started="2025-03-01"
    )
    return idea


def test_the_idea_is_shown_in_full_beside_the_form(editor_client, rich_idea, target_group, theme):
    html = editor_client.get(assess_url(rich_idea)).content.decode()

    start = html.index('<aside class="assessment-idea"')
    aside = html[start : html.index("</aside>", start)]
    for text in (
        rich_idea.title,
        "Unge mister deres voksne kontakter",
        "Hver ung får en fast kontaktperson i to år.",
        "Færre unge faldt fra uddannelse.",
        target_group.name,
        theme.name,
        "efterværn",
        "Efterværn Kolding",
        "Tre af fire unge blev i uddannelse.",
        "Ungeteam Odense",
        rich_idea.get_absolute_url(),
    ):
        assert text in aside, text
    figures = {"Stemmer": 2, "Organisationer bag stemmerne": 2, "Afprøvninger": 1, "Anvendelser": 1, "Kommentarer": 0}
    for label, value in figures.items():
        assert f"<dt>{label}</dt><dd>{value}</dd>" in aside


def test_the_headings_name_the_idea(editor_client, idea):
    html = editor_client.get(assess_url(idea)).content.decode()
    promote = editor_client.get(reverse("methods_admin:promote", args=[idea.pk])).content.decode()

    assert f"Vurdering af “{idea.title}”" in html
    assert f"Løft “{idea.title}” til metode" in promote
    assert ">Hjem<" not in html.split("</header>")[0].split("breadcrumb")[-1]


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_element_shows_its_description_and_questions(editor_client, editor, idea, language):
    editor.language = language
    editor.save()

    html = editor_client.get(assess_url(idea)).content.decode()

    with translation.override(language):
        for element in elements():
            assert escape(element.description) in html
            assert element.questions and all(escape(question) in html for question in element.questions)
    assert ("Spørgsmål at vurdere ud fra" in html) == (language == "da")


def test_the_element_guides_are_written_in_both_languages():
    for element in elements():
        assert set(element.guide) == {"da", "en"}
        for language in ("da", "en"):
            assert element.guide[language]["description"]
            assert len(element.guide[language]["questions"]) >= 2


def test_without_javascript_the_suggestion_shows_after_any_save(editor_client, idea):
    # Eight elements at 2 but no justifications: the form is refused, and the suggestion is already there.
    data = {f"{element.key}_score": 2 if element.number <= 8 else 0 for element in elements()}
    html = editor_client.post(assess_url(idea), data).content.decode()

    assert "<output" in html
    output = html[html.index("<output") : html.index("</output>")]
    assert output.endswith(">Lovende praksis")
    assert not Assessment.objects.exists()


def test_a_draft_is_saved_and_resumed_then_removed_on_submit(editor_client, editor, idea):
    first = elements()[0].key
    draft = {f"{first}_score": "3", f"{first}_justification": "Bygger på tilknytningsteori.", "action": "draft"}

    saved = editor_client.post(assess_url(idea), draft)

    assert saved.status_code == 302
    stored = AssessmentDraft.objects.get(assessor=editor, idea=idea)
    assert stored.data["scores"][first] == {"score": 3, "justification": "Bygger på tilknytningsteori."}
    assert not Assessment.objects.exists()

    resumed = editor_client.get(assess_url(idea)).content.decode()
    assert "Du fortsætter din kladde" in resumed
    assert "Bygger på tilknytningsteori." in resumed
    checked = re.findall(rf'<input type="radio" name="{first}_score" value="(\d)"[^>]*checked', resumed)
    assert checked == ["3"]

    editor_client.post(assess_url(idea), form_data())
    assert Assessment.objects.filter(idea=idea).count() == 1
    assert not AssessmentDraft.objects.exists()


def test_a_draft_with_a_cpr_number_is_refused_and_nothing_is_stored(editor_client, idea):
    first = elements()[0]
    html = editor_client.post(
        assess_url(idea), {f"{first.key}_justification": "Borger 010190-1234 sagde ja", "action": "draft"}
    ).content.decode()

    assert "CPR-nummer" in html
    assert not AssessmentDraft.objects.exists()


def test_drafts_belong_to_their_editor(signed_in, editor, idea):
    from ideabank.accounts.roles import Role

    services.save_assessment_draft(editor, idea, scores=full_scores(1), conclusion="not_yet")
    other = UserFactory(role=Role.REDAKTOER)

    html = signed_in(other).get(assess_url(idea)).content.decode()

    assert "Du fortsætter din kladde" not in html
    assert services.assessment_draft(other, idea) is None


def test_earlier_assessments_are_listed_with_their_scores(editor_client, editor, idea):
    services.assess(editor, idea, scores=full_scores(1), conclusion="not_yet")
    services.assess(editor, idea, scores=full_scores(3), conclusion="promising")

    html = editor_client.get(assess_url(idea)).content.decode()

    assert "Tidligere vurderinger" in html
    assert html.count("Se scorer og begrundelser") == 2
    assert "Begrundelse for teori_og_viden." in html
