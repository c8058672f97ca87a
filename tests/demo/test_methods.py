"""seed_demo's methods: ~30 published Danish methods, each declared, researched, assessed against the 11
elements and credited to demo ideas about the same practice; idempotent, and publishing them lifts the
ideas behind them exactly as a real promotion does."""

import io
import re
from html import escape
from urllib.parse import urlparse

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase

from ideabank.accounts.roles import Role
from ideabank.demo.content import ideas as idea_content
from ideabank.demo.content import methods as content
from ideabank.demo.methods import rich_text
from ideabank.demo.people import DEMO_USERS
from ideabank.ideas.models import Idea, Stage
from ideabank.methods.elements import EVIDENCE_LEVELS, Dimension, Level, element_keys, suggests_promising
from ideabank.methods.models import (
    Assessment,
    AssessmentScore,
    MethodPage,
    OutcomeIndicator,
    Promotion,
    ResearchItem,
)
from ideabank.notifications.models import Notification, Verb
from ideabank.validators import USER_TEXT_VALIDATORS, contains_cpr_number

EDITOR_EMAIL = next(email for email, _n, _t, role, _w in DEMO_USERS if role == Role.REDAKTOER)


def seed():
    out = io.StringIO()
    call_command("seed_demo", quiet_logins=True, stdout=out)
    return out.getvalue()


def snapshot():
    return {
        model.__name__: model.objects.count()
        for model in (MethodPage, ResearchItem, Assessment, AssessmentScore, Promotion, OutcomeIndicator, Idea)
    } | {"live": MethodPage.objects.live().count()}


def methods():
    return MethodPage.objects.order_by("pk").prefetch_related("research", "indicators", "target_groups", "themes")


# ---- the content itself, without a database ------------------------------------------------------


def test_the_content_is_complete_and_consistent():
    seeds = content.METHOD_SEEDS
    assert 28 <= len(seeds) <= 36
    assert len({seed.slug for seed in seeds}) == len(seeds)
    assert len({seed.title for seed in seeds}) == len(seeds)
    idea_titles = {idea.title for idea in idea_content.IDEA_SEEDS}
    origins = [title for seed in seeds for title in seed.origins]
    assert set(origins) <= idea_titles
    assert len(origins) == len(set(origins)), "an idea can feed only one method"
    for seed in seeds:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", seed.slug), seed.slug
        assert len(seed.summary) <= 600, seed.slug
        assert 3 <= len(seed.steps) <= 6 and 1 <= len(seed.roles) <= 3 and 1 <= len(seed.materials) <= 2
        assert 2 <= len(seed.indicators) <= 3 and 1 <= len(seed.research) <= 3 and 1 <= len(seed.origins) <= 3
        assert all(direction in ("up", "down") for _name, _unit, direction in seed.indicators)
        assert set(seed.groups) <= set(idea_content.TARGET_GROUPS), seed.slug
        assert set(seed.themes) <= set(idea_content.THEMES), seed.slug
        assert list(seed.declaration) == list(Dimension.values)
        assert all(level in Level.values and text for level, text in seed.declaration.values()), seed.slug
        assert len(seed.scores) == len(element_keys()) == 11, seed.slug
        assert all(0 <= score <= 3 and text for score, text in seed.scores), seed.slug
        for study in seed.research:
            assert study.design in ResearchItem.Design.values
            assert not study.link or urlparse(study.link).hostname == "example.org"


def test_conclusions_mostly_follow_the_suggestion_and_levels_mix():
    seeds = content.METHOD_SEEDS
    disagreements = [
        seed.slug
        for seed in seeds
        if suggests_promising(dict(zip(element_keys(), (score for score, _text in seed.scores), strict=True)))
        != (seed.conclusion == content.PROMISING)
    ]
    # The editor decides; a couple of demo methods show the editor overruling the suggestion.
    assert 1 <= len(disagreements) <= 3
    effect = [seed.declaration["effekt"][0] for seed in seeds]
    assert sum(level in EVIDENCE_LEVELS for level in effect) >= 8
    assert sum(level not in EVIDENCE_LEVELS for level in effect) >= 8
    assert {"A", "B", "C", "D"} <= set(effect)
    assert {content.PROMISING, content.NOT_YET} == {seed.conclusion for seed in seeds}


def test_rich_text_escapes_and_builds_paragraphs_and_lists():
    expected = "<p>Én &lt;b&gt;linje&lt;/b&gt; fortsat.</p><p>To &amp; tre.</p>"
    assert rich_text("Én <b>linje</b>\nfortsat.\n\nTo & tre.") == expected
    assert rich_text(("Første", "Anden")) == "<ul><li>Første</li><li>Anden</li></ul>"


# ---- seeded --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """seed_demo run once for the module (it takes seconds), inside a transaction rolled back at the end.

    The on-commit callbacks (publishing announces the methods to their ideas' people) run as they would
    after a real commit; each test's own changes are rolled back to a savepoint by the `db` fixture.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            output = seed()
        yield output
        transaction.set_rollback(True)


def test_seed_demo_publishes_the_methods_and_running_it_again_changes_nothing(seeded, db):
    before = snapshot()
    assert before["MethodPage"] == before["live"] == len(content.METHOD_SEEDS)
    assert before["Assessment"] == before["MethodPage"]
    assert before["AssessmentScore"] == 11 * before["MethodPage"]
    assert re.search(r"\d+ metoder udgivet og vurderet, \d+ idéer løftet til metode \(\d+\.\d s\)", seeded)

    again = seed()
    assert snapshot() == before
    assert "Demo-metoderne findes allerede" in again


def test_every_method_is_declared_researched_assessed_and_credited(seeded, db):
    editor_id = MethodPage.objects.values_list("owner_id", flat=True).first()
    stages = set()
    for method in methods():
        assert method.live and not method.has_unpublished_changes, method.slug
        assert method.owner.email == EDITOR_EMAIL
        assert all(level and text for _dimension, level, text in method.declaration()), method.slug
        expected = Stage.EVIDENCE if method.declaration_effekt in EVIDENCE_LEVELS else Stage.METHOD
        assert method.stage == expected, method.slug
        stages.add(method.stage)

        assert method.research.exists() and 2 <= method.indicators.count() <= 3, method.slug
        assert method.target_groups.exists() and method.themes.exists() and method.tags.exists(), method.slug
        kinds = {block.block_type for block in method.description}
        assert kinds == {"step", "role", "material", "quote"}, method.slug

        assessment = method.latest_assessment()
        assert assessment.assessor_id == editor_id
        assert sorted(score.element for score in assessment.scores.all()) == sorted(element_keys())
        assert len(assessment.profile()) == 11

        promotions = list(Promotion.objects.filter(method=method).select_related("idea"))
        assert 1 <= len(promotions) <= 3, method.slug
        for promotion in promotions:
            idea = promotion.idea
            assert idea.status == Idea.Status.PUBLISHED and promotion.promoted_by_id == editor_id
            assert any(idea.title.startswith(title) for title in content_for(method).origins), idea.title
    assert stages == {Stage.METHOD, Stage.EVIDENCE}
    by_stage = {stage: MethodPage.objects.filter(stage=stage).count() for stage in stages}
    assert min(by_stage.values()) >= 8


def content_for(method):
    return next(seed for seed in content.METHOD_SEEDS if seed.slug == method.slug)


def test_publishing_lifts_the_origin_ideas_and_tells_their_people(seeded, db):
    promotions = Promotion.objects.select_related("idea", "method")
    assert promotions.count() >= len(content.METHOD_SEEDS)
    for promotion in promotions:
        assert promotion.idea.stage == promotion.method.stage
        assert promotion.announced_at is not None
    told = Notification.objects.filter(verb=Verb.IDEA_PROMOTED)
    assert told.filter(recipient=promotions.first().idea.author).exists()
    # Promoted ideas have left the escalation queue's candidates: they are methods now.
    assert not Idea.objects.filter(promotion__isnull=False, stage__in=[Stage.IDEA, Stage.TRIED]).exists()


def test_the_public_can_read_every_demo_method(seeded, db, client):
    for method in methods():
        response = client.get(method.url)
        assert response.status_code == 200, method.slug
        assert escape(method.title) in response.content.decode(), method.slug


def test_demo_text_passes_the_cpr_guard_and_the_control_character_validator(seeded, db):
    texts = []
    for method in methods():
        texts += [method.title, method.summary, method.problem, method.theory_of_change, method.goals]
        texts += [method.resources, *(text for _dimension, _level, text in method.declaration())]
        for block in method.description.raw_data:
            texts += [str(value) for value in block["value"].values()]
        texts += [name for indicator in method.indicators.all() for name in (indicator.name, indicator.unit)]
    for item in ResearchItem.objects.all():
        texts += [item.title, item.authors, item.findings]
    texts += list(AssessmentScore.objects.values_list("justification", flat=True))
    assert texts and not [text for text in texts if contains_cpr_number(text)]
    for text in texts:
        for validator in USER_TEXT_VALIDATORS:
            try:
                validator(text)
            except ValidationError as error:  # pragma: no cover - the message says which text failed
                pytest.fail(f"{error.messages}: {text[:80]}")
