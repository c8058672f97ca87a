"""Promotion ("Løft til metode"): who may, what the draft copies from the idea, that a second request (even
at the same moment) returns the same method, which ideas are refused, and promoting into an existing method."""

import threading

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from wagtail.models import ModelLogEntry

from ideabank.ideas.models import Idea, Stage
from ideabank.methods import services
from ideabank.methods.models import MethodIndexPage, MethodPage, Promotion
from ideabank.notifications.models import Notification, Verb
from tests.factories import IdeaFactory, UserFactory, make_method, method_index

from .conftest import ALLOWED_ROLES, REFUSED_ROLES, person

pytestmark = pytest.mark.django_db


def nothing_created():
    return not MethodPage.objects.exists() and not Promotion.objects.exists()


# ---- who may promote -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", [None, *REFUSED_ROLES])
def test_only_editors_promote(idea, role):
    with pytest.raises(PermissionDenied):
        services.promote(person(role), idea)

    assert nothing_created()


@pytest.mark.parametrize("role", ALLOWED_ROLES)
def test_editors_and_administrators_promote(idea, role):
    editor = UserFactory(role=role)

    method, created = services.promote(editor, idea)

    assert created
    assert Promotion.objects.get(idea=idea).method == method
    assert Promotion.objects.get(idea=idea).promoted_by == editor


# ---- what the draft copies -----------------------------------------------------------------------


def test_the_draft_copies_the_idea(idea, editor, target_group, theme):
    method, _created = services.promote(editor, idea)

    method = MethodPage.objects.get(pk=method.pk)
    assert method.title == "Fast kontaktperson efter anbringelse"
    assert method.problem == (
        "<p>Unge mister deres voksne kontakter, når anbringelsen slutter.</p><p>Mange falder fra uddannelse.</p>"
    )
    assert [block.block_type for block in method.description] == ["paragraph"]
    assert method.description[0].value.source == (
        "<p>Hver ung får en fast kontaktperson i to år.<br/>Kontaktpersonen ringer hver uge.</p>"
    )
    assert method.summary == idea.solution
    assert list(method.target_groups.all()) == [target_group]
    assert list(method.themes.all()) == [theme]
    assert sorted(tag.name for tag in method.tags.all()) == ["efterværn", "unge"]


def test_the_draft_lives_under_the_method_index_and_is_not_live(idea, editor):
    method, _created = services.promote(editor, idea)

    method = MethodPage.objects.get(pk=method.pk)
    assert method.get_parent().specific == method_index()
    assert not method.live
    assert method.owner == editor
    assert method.get_latest_revision() is not None
    assert method.get_latest_revision().user == editor
    assert method.stage == Stage.METHOD


def test_the_promotion_links_idea_and_method_and_credits_the_author(idea, editor):
    method, _created = services.promote(editor, idea)

    promotion = Promotion.objects.get()
    assert (promotion.idea, promotion.method) == (idea, method)
    assert promotion.announced_at is None
    assert list(method.promotions.all()) == [promotion]
    assert idea.promotion == promotion


def test_the_idea_keeps_its_stage_until_the_method_is_published(idea, editor):
    services.promote(editor, idea)

    idea.refresh_from_db()
    assert idea.stage == Stage.IDEA


def test_user_text_is_escaped_in_the_draft(editor):
    idea = IdeaFactory(problem="Brug <script>alert(1)</script> & co.", solution="<b>fed</b> løsning")

    method, _created = services.promote(editor, idea)

    method = MethodPage.objects.get(pk=method.pk)
    assert method.problem == "<p>Brug &lt;script&gt;alert(1)&lt;/script&gt; &amp; co.</p>"
    assert method.description[0].value.source == "<p>&lt;b&gt;fed&lt;/b&gt; løsning</p>"


def test_a_long_solution_is_cut_at_a_word_for_the_summary(editor):
    idea = IdeaFactory(solution="Kontaktpersonen ringer hver uge. " * 40)

    method, _created = services.promote(editor, idea)

    kept = method.summary.removesuffix("…")
    assert len(method.summary) <= services.SUMMARY_MAX
    assert method.summary.endswith("…")
    assert idea.solution.startswith(kept)
    assert idea.solution[len(kept)] == " "  # cut between words


def test_promoting_leaves_an_audit_log_entry(idea, editor):
    method, _created = services.promote(editor, idea)

    entry = ModelLogEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Idea), object_id=str(idea.pk), action="ideabank.promote"
    )
    assert entry.user == editor
    assert entry.data == {"method": method.pk}


# ---- idempotence ---------------------------------------------------------------------------------


def test_a_second_promotion_returns_the_same_method(idea, editor):
    first, created = services.promote(editor, idea)
    second, created_again = services.promote(UserFactory(role="redaktoer"), idea)

    assert (created, created_again) == (True, False)
    assert second == first
    assert MethodPage.objects.count() == Promotion.objects.count() == 1


def test_a_second_promotion_into_another_method_still_returns_the_first(idea, editor):
    first, _created = services.promote(editor, idea)
    other = make_method(title="Kontaktperson i overgangen til voksenlivet")

    again, created = services.promote(editor, idea, into=other)

    assert again == first and not created
    assert Promotion.objects.get(idea=idea).method == first
    assert not Promotion.objects.filter(method=other).exists()


def test_an_already_promoted_idea_is_returned_even_if_it_was_hidden_since(idea, editor):
    first, _created = services.promote(editor, idea)
    Idea.objects.filter(pk=idea.pk).update(status=Idea.Status.HIDDEN)

    again, created = services.promote(editor, Idea.objects.get(pk=idea.pk))

    assert again == first and not created


# ---- refused ideas -------------------------------------------------------------------------------

REFUSALS = {
    Idea.Status.DRAFT: "Idéen er en kladde og kan ikke løftes til metode.",
    Idea.Status.PENDING: "Idéen afventer godkendelse og kan ikke løftes til metode endnu.",
    Idea.Status.HIDDEN: "Idéen er skjult af en moderator og kan ikke løftes til metode.",
    Idea.Status.MERGED: "Idéen er lagt sammen med en anden idé; løft den anden i stedet.",
}


@pytest.mark.parametrize("status", REFUSALS)
def test_ideas_that_are_not_public_are_refused_with_a_reason(editor, status):
    idea = IdeaFactory(status=status)

    with pytest.raises(ValidationError) as raised:
        services.promote(editor, idea)

    assert raised.value.messages == [REFUSALS[status]]
    assert services.promotion_refusal(idea) == REFUSALS[status]
    assert nothing_created()
    assert not ModelLogEntry.objects.filter(action="ideabank.promote").exists()


@pytest.mark.parametrize("status", REFUSALS)
def test_a_refused_idea_is_not_added_to_an_existing_method_either(editor, status):
    method = make_method()
    idea = IdeaFactory(status=status)

    with pytest.raises(ValidationError):
        services.promote(editor, idea, into=method)

    assert not Promotion.objects.exists()


def test_the_refusal_reads_the_status_from_the_database(editor):
    """A stale idea object must not let a just-hidden idea through."""
    idea = IdeaFactory()
    Idea.objects.filter(pk=idea.pk).update(status=Idea.Status.HIDDEN)

    with pytest.raises(ValidationError):
        services.promote(editor, idea)
    assert nothing_created()


@pytest.mark.parametrize("status", [Idea.Status.PUBLISHED, Idea.Status.ARCHIVED])
def test_published_and_archived_ideas_may_be_promoted(editor, status):
    assert services.promotion_refusal(IdeaFactory(status=status)) is None
    assert services.promote(editor, IdeaFactory(status=status))[1]


def test_without_a_method_index_nothing_can_be_promoted(idea, editor):
    MethodIndexPage.objects.get().delete()

    with pytest.raises(ValidationError):
        services.promote(editor, idea)

    assert nothing_created()


# ---- promoting into an existing method -----------------------------------------------------------


def test_an_idea_can_be_added_to_an_existing_draft(idea, editor):
    draft = make_method(live=False, title="Efterværn med fast voksen")

    method, created = services.promote(editor, idea, into=draft)

    assert method == draft and created
    assert MethodPage.objects.count() == 1
    assert Promotion.objects.get(idea=idea).method == draft
    idea.refresh_from_db()
    assert idea.stage == Stage.IDEA


def test_several_ideas_feed_one_method(idea, editor):
    method, _created = services.promote(editor, idea)
    second = IdeaFactory(title="Mentor til unge efter anbringelse")

    services.promote(editor, second, into=method)

    assert [promotion.idea for promotion in method.promotions.all()] == [idea, second]
    assert MethodPage.objects.count() == 1


def test_an_idea_added_to_a_published_method_climbs_and_is_announced_at_once(
    idea, editor, django_capture_on_commit_callbacks
):
    method = make_method(declaration_effekt="B")

    with django_capture_on_commit_callbacks(execute=True):
        services.promote(editor, idea, into=method)

    idea.refresh_from_db()
    assert idea.stage == Stage.EVIDENCE
    notification = Notification.objects.get(recipient=idea.author)
    assert (notification.verb, notification.method_id) == (Verb.IDEA_PROMOTED, method.pk)
    assert Promotion.objects.get(idea=idea).announced_at is not None


# ---- two requests at the same moment (PostgreSQL) ------------------------------------------------


def run_at_once(actions):
    """Start every action at the same moment on its own thread and connection; collect the outcomes."""
    barrier = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def worker(index, action):
        try:
            barrier.wait()
            outcomes[index] = action()
        except Exception as error:  # reported by the assertions, not lost in the thread
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, action)) for i, action in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: SQLite serialises writers")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_promotions_at_the_same_moment_make_one_method():
    idea = IdeaFactory()
    editors = UserFactory.create_batch(2, role="redaktoer")

    outcomes = run_at_once([lambda editor=editor: services.promote(editor, idea) for editor in editors])

    assert all(isinstance(outcome, tuple) for outcome in outcomes), outcomes
    assert sorted(created for _method, created in outcomes) == [False, True]
    assert outcomes[0][0].pk == outcomes[1][0].pk
    assert MethodPage.objects.count() == Promotion.objects.count() == 1
    assert Promotion.objects.get().method_id == outcomes[0][0].pk
