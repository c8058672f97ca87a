"""Assessing an idea or a method on the 11 elements: who may, what an assessment must hold (or nothing is
stored), the system's suggestion, the stage it sets, the history it keeps and who hears of it."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from ideabank.accounts.roles import Role
from ideabank.ideas.models import Idea, Stage
from ideabank.methods import services
from ideabank.methods.elements import Conclusion, element_keys
from ideabank.methods.models import Assessment, AssessmentScore
from ideabank.notifications.models import Notification, Verb
from tests.factories import IdeaFactory, UserFactory, full_scores, make_method

from .conftest import ALLOWED_ROLES, REFUSED_ROLES, person

pytestmark = pytest.mark.django_db


def nothing_stored():
    return not Assessment.objects.exists() and not AssessmentScore.objects.exists()


# ---- who may assess ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [None, *REFUSED_ROLES])
def test_only_editors_assess_an_idea(idea, role):
    with pytest.raises(PermissionDenied):
        services.assess(person(role), idea, scores=full_scores(), conclusion=Conclusion.PROMISING)

    assert nothing_stored()
    idea.refresh_from_db()
    assert idea.stage == Stage.IDEA


@pytest.mark.parametrize("role", [None, *REFUSED_ROLES])
def test_only_editors_assess_a_method(role):
    method = make_method()

    with pytest.raises(PermissionDenied):
        services.assess(person(role), method, scores=full_scores(), conclusion=Conclusion.NOT_YET)

    assert nothing_stored()


@pytest.mark.parametrize("role", ALLOWED_ROLES)
def test_editors_and_administrators_assess(idea, role):
    assessor = UserFactory(role=role)

    assessment = services.assess(assessor, idea, scores=full_scores(3), conclusion=Conclusion.PROMISING)

    assert assessment.assessor == assessor
    assert assessment.idea == idea
    assert assessment.method is None


def test_a_deactivated_editor_cannot_assess(idea, editor):
    editor.is_active = False
    editor.save()

    with pytest.raises(PermissionDenied):
        services.assess(editor, idea, scores=full_scores(), conclusion=Conclusion.PROMISING)
    assert nothing_stored()


# ---- what is stored ------------------------------------------------------------------------------


def test_an_assessment_stores_every_elements_score_and_justification(idea, editor):
    scores = full_scores(2, virkning=3, oekonomi={"score": 0, "justification": "  Ingen opgørelse af udgifter.  "})

    assessment = services.assess(editor, idea, scores=scores, conclusion=Conclusion.NOT_YET)

    stored = {score.element: (score.score, score.justification) for score in assessment.scores.all()}
    assert set(stored) == set(element_keys())
    assert stored["virkning"] == (3, "Begrundelse for virkning.")
    assert stored["oekonomi"] == (0, "Ingen opgørelse af udgifter.")
    assert stored["maal"] == (2, "Begrundelse for maal.")
    assert assessment.conclusion == Conclusion.NOT_YET


def test_the_profile_lists_the_elements_in_their_official_order(idea, editor):
    assessment = services.assess(editor, idea, scores=full_scores(1, maal=3), conclusion=Conclusion.NOT_YET)

    profile = assessment.profile()

    assert [row[0] for row in profile] == list(range(1, 12))
    assert profile[0][1] == "Teori og viden"
    assert profile[3] == (4, "Mål", 3, "Begrundelse for maal.")


def test_assessing_leaves_an_audit_log_entry(idea, editor):
    services.assess(editor, idea, scores=full_scores(), conclusion=Conclusion.PROMISING)

    entry = ModelLogEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Idea), object_id=str(idea.pk), action="ideabank.assess"
    )
    assert entry.user == editor
    assert entry.data == {"conclusion": "promising"}


# ---- the system's suggestion; the editor decides -------------------------------------------------


def strong_elements(strong):
    keys = element_keys()
    return full_scores(1, **dict.fromkeys(keys[:strong], 2))


def test_eight_elements_at_two_suggest_promising(idea, editor):
    assessment = services.assess(editor, idea, scores=strong_elements(8), conclusion=Conclusion.PROMISING)

    assert assessment.suggested == Conclusion.PROMISING


def test_seven_elements_at_two_suggest_not_yet(idea, editor):
    assessment = services.assess(editor, idea, scores=strong_elements(7), conclusion=Conclusion.NOT_YET)

    assert assessment.suggested == Conclusion.NOT_YET


def test_the_editor_may_decide_against_the_suggestion(idea, editor):
    assessment = services.assess(editor, idea, scores=strong_elements(7), conclusion=Conclusion.PROMISING)

    assert (assessment.conclusion, assessment.suggested) == (Conclusion.PROMISING, Conclusion.NOT_YET)
    idea.refresh_from_db()
    assert idea.stage == Stage.PROMISING


def test_suggestion_from_plain_scores():
    keys = element_keys()
    assert services.suggestion(dict.fromkeys(keys, 2)) == Conclusion.PROMISING
    assert services.suggestion(dict.fromkeys(keys, 1)) == Conclusion.NOT_YET


# ---- bad input is refused and stores nothing -----------------------------------------------------


def without(key):
    scores = full_scores()
    del scores[key]
    return scores


BAD_SCORES = {
    "missing element": (without("monitorering"), "monitorering"),
    "unknown element": (full_scores() | {"hemmelig": {"score": 3, "justification": "x"}}, "hemmelig"),
    "score −1": (full_scores(virkning=-1), "virkning"),
    "score 4": (full_scores(virkning=4), "virkning"),
    "score 'x'": (full_scores(virkning="x"), "virkning"),
    "score '2' as text": (full_scores(virkning="2"), "virkning"),
    "score 2.0": (full_scores(virkning=2.0), "virkning"),
    "score true": (full_scores(virkning=True), "virkning"),
    "score null": (full_scores(virkning=None), "virkning"),
    "no score": (full_scores(virkning={"justification": "Uden score."}), "virkning"),
    "entry not an object": (full_scores() | {"virkning": 2}, "virkning"),
    "blank justification": (full_scores(maal={"score": 2, "justification": "   "}), "maal"),
    "no justification": (full_scores(maal={"score": 2}), "maal"),
    "CPR number": (full_scores(maal={"score": 2, "justification": "Borgeren (010190-1234) er glad."}), "maal"),
    "control character": (full_scores(maal={"score": 2, "justification": "Godt\x00arbejde"}), "maal"),
}


@pytest.mark.parametrize("case", BAD_SCORES, ids=list(BAD_SCORES))
def test_bad_scores_are_refused_naming_the_element_and_nothing_is_stored(idea, editor, case):
    scores, key = BAD_SCORES[case]

    with pytest.raises(ValidationError) as raised:
        services.assess(editor, idea, scores=scores, conclusion=Conclusion.PROMISING)

    assert key in raised.value.message_dict
    assert nothing_stored()
    idea.refresh_from_db()
    assert idea.stage == Stage.IDEA
    assert not Notification.objects.exists()


def test_every_bad_element_is_named_at_once(idea, editor):
    scores = full_scores(virkning=7, maal={"score": 1, "justification": ""})
    del scores["opfoelgning"]

    with pytest.raises(ValidationError) as raised:
        services.assess(editor, idea, scores=scores, conclusion=Conclusion.NOT_YET)

    assert set(raised.value.message_dict) == {"virkning", "maal", "opfoelgning"}
    assert nothing_stored()


@pytest.mark.parametrize("scores", [None, [], "alle er 2"])
def test_scores_that_are_not_a_mapping_are_refused(idea, editor, scores):
    with pytest.raises(ValidationError):
        services.assess(editor, idea, scores=scores, conclusion=Conclusion.NOT_YET)
    assert nothing_stored()


@pytest.mark.parametrize("conclusion", ["", "maybe", None, "PROMISING"])
def test_an_unknown_conclusion_is_refused(idea, editor, conclusion):
    with pytest.raises(ValidationError) as raised:
        services.assess(editor, idea, scores=full_scores(), conclusion=conclusion)

    assert "conclusion" in raised.value.message_dict
    assert nothing_stored()


@pytest.mark.parametrize("status", [Idea.Status.DRAFT, Idea.Status.PENDING, Idea.Status.HIDDEN, Idea.Status.MERGED])
def test_only_public_ideas_are_assessed(editor, status):
    idea = IdeaFactory(status=status)

    with pytest.raises(ValidationError):
        services.assess(editor, idea, scores=full_scores(), conclusion=Conclusion.PROMISING)
    assert nothing_stored()


def test_an_archived_idea_can_still_be_assessed(editor):
    idea = IdeaFactory(status=Idea.Status.ARCHIVED)

    assert services.assess(editor, idea, scores=full_scores(), conclusion=Conclusion.NOT_YET).pk


# ---- stage ---------------------------------------------------------------------------------------


def test_a_promising_assessment_moves_the_idea_to_promising(idea, editor):
    services.assess(editor, idea, scores=full_scores(3), conclusion=Conclusion.PROMISING)

    idea.refresh_from_db()
    assert idea.stage == Stage.PROMISING


def test_a_not_yet_assessment_leaves_the_stage(idea, editor):
    services.assess(editor, idea, scores=full_scores(3), conclusion=Conclusion.NOT_YET)

    idea.refresh_from_db()
    assert idea.stage == Stage.IDEA


def test_a_tried_idea_climbs_to_promising(editor):
    idea = IdeaFactory()
    Idea.objects.filter(pk=idea.pk).update(stage=Stage.TRIED)
    idea.refresh_from_db()

    services.assess(editor, idea, scores=full_scores(), conclusion=Conclusion.PROMISING)

    idea.refresh_from_db()
    assert idea.stage == Stage.PROMISING


@pytest.mark.parametrize("stage", [Stage.METHOD, Stage.EVIDENCE])
def test_the_stage_never_goes_down(editor, stage):
    idea = IdeaFactory()
    Idea.objects.filter(pk=idea.pk).update(stage=stage)
    idea.refresh_from_db()

    services.assess(editor, idea, scores=full_scores(), conclusion=Conclusion.PROMISING)
    services.assess(editor, idea, scores=full_scores(0), conclusion=Conclusion.NOT_YET)

    idea.refresh_from_db()
    assert idea.stage == stage


def test_a_later_not_yet_does_not_take_promising_back(idea, editor):
    services.assess(editor, idea, scores=full_scores(3), conclusion=Conclusion.PROMISING)
    services.assess(editor, idea, scores=full_scores(1), conclusion=Conclusion.NOT_YET)

    idea.refresh_from_db()
    assert idea.stage == Stage.PROMISING


# ---- history -------------------------------------------------------------------------------------


def test_every_assessment_is_kept_newest_first(idea, editor):
    first = services.assess(editor, idea, scores=full_scores(1), conclusion=Conclusion.NOT_YET)
    second = services.assess(UserFactory(role=Role.REDAKTOER), idea, scores=full_scores(3), conclusion="promising")

    history = list(services.assessment_history(idea))

    assert history == [second, first]
    assert [score.score for score in history[1].scores.all()] == [1] * 11
    assert AssessmentScore.objects.count() == 22


def test_a_methods_history_is_its_own(idea, editor):
    method = make_method()
    services.assess(editor, idea, scores=full_scores(), conclusion=Conclusion.NOT_YET)
    on_method = services.assess(editor, method, scores=full_scores(3), conclusion=Conclusion.PROMISING)

    assert list(services.assessment_history(method)) == [on_method]
    assert on_method.method == method and on_method.idea is None
    assert method.latest_assessment() == on_method


# ---- who hears of it -----------------------------------------------------------------------------


def test_the_author_is_told_the_conclusion_after_commit(idea, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.assess(editor, idea, scores=full_scores(3), conclusion=Conclusion.PROMISING)

    notification = Notification.objects.get(recipient=idea.author)
    assert notification.verb == Verb.IDEA_ASSESSED
    assert notification.idea == idea
    assert notification.detail == "Lovende praksis"


def test_a_refused_assessment_tells_nobody(idea, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.assess(editor, idea, scores=without("maal"), conclusion=Conclusion.PROMISING)

    assert not Notification.objects.exists()


def test_assessing_a_method_notifies_nobody(editor, django_capture_on_commit_callbacks):
    method = make_method()

    with django_capture_on_commit_callbacks(execute=True):
        services.assess(editor, method, scores=full_scores(), conclusion=Conclusion.PROMISING)

    assert not Notification.objects.exists()
