"""Publishing a method: the editor-review workflow on the method catalogue, and what publishing does to the
ideas behind it — they climb to the method's stage (never down) and their people are told exactly once."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupApprovalTask, TaskState, Workflow, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from ideabank.accounts.roles import GROUP_NAMES, Role
from ideabank.ideas import services as ideas
from ideabank.ideas.models import Idea, Stage
from ideabank.methods import services
from ideabank.methods.models import MethodPage, Promotion
from ideabank.methods.queries import status_of
from ideabank.methods.workflow import WORKFLOW_NAME, ensure_review_workflow
from ideabank.notifications.models import Notification, Verb
from tests.factories import IdeaFactory, UserFactory, make_method, method_index

pytestmark = pytest.mark.django_db


def reload(method):
    return MethodPage.objects.get(pk=method.pk)


@pytest.fixture
def draft(idea, editor):
    """A draft method promoted from `idea`."""
    method, _created = services.promote(editor, idea)
    return reload(method)


def submit(method, user):
    """Send the latest revision to review, as "Send til godkendelse" in the page editor does."""
    return method.get_workflow().start(method, user)


def approve(method, user):
    state = method.current_workflow_state
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state.specific, user, "approve")


# ---- the workflow --------------------------------------------------------------------------------


def test_the_method_index_has_the_editor_review_workflow():
    workflow = WorkflowPage.objects.get(page=method_index()).workflow

    assert workflow.name == WORKFLOW_NAME == "Redaktørgodkendelse"
    assert workflow.active
    tasks = [task.specific for task in workflow.tasks]
    assert len(tasks) == 1
    assert isinstance(tasks[0], GroupApprovalTask)
    assert list(tasks[0].groups.all()) == [Group.objects.get(name=GROUP_NAMES[Role.REDAKTOER])]


def test_every_method_inherits_the_workflow(draft):
    assert draft.get_workflow().name == WORKFLOW_NAME
    assert make_method().get_workflow().name == WORKFLOW_NAME


def test_ensuring_the_workflow_again_adds_nothing():
    counts = (Workflow.objects.count(), GroupApprovalTask.objects.count(), WorkflowPage.objects.count())

    ensure_review_workflow()
    ensure_review_workflow()

    assert (Workflow.objects.count(), GroupApprovalTask.objects.count(), WorkflowPage.objects.count()) == counts


def test_only_editors_and_administrators_may_approve(draft, editor):
    submit(draft, editor)
    task = draft.current_workflow_state.current_task_state.task.specific

    for role in (Role.REDAKTOER, Role.ADMINISTRATOR):
        assert "approve" in {name for name, _label, _modal in task.get_actions(draft, UserFactory(role=role))}
    for role in (Role.MEDARBEJDER, Role.MODERATOR):
        assert task.get_actions(draft, UserFactory(role=role)) == []


def test_submitting_puts_the_method_in_review_without_publishing_it(draft, editor):
    state = submit(draft, editor)

    draft = reload(draft)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert draft.workflow_in_progress
    assert not draft.live
    assert status_of(draft) == "in_review"


def test_an_editor_approving_publishes_the_method(draft, editor, django_capture_on_commit_callbacks):
    submit(draft, editor)
    reviewer = UserFactory(role=Role.REDAKTOER)

    with django_capture_on_commit_callbacks(execute=True):
        approve(draft, reviewer)

    draft = reload(draft)
    assert draft.live
    assert status_of(draft) == "live"
    assert draft.current_workflow_state is None
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_APPROVED
    assert TaskState.objects.get().finished_by == reviewer


def test_approval_lifts_the_idea_and_tells_its_author(draft, idea, editor, django_capture_on_commit_callbacks):
    submit(draft, editor)

    with django_capture_on_commit_callbacks(execute=True):
        approve(draft, UserFactory(role=Role.REDAKTOER))

    idea.refresh_from_db()
    assert idea.stage == Stage.METHOD
    notification = Notification.objects.get(recipient=idea.author)
    assert notification.verb == Verb.IDEA_PROMOTED
    assert notification.method_id == draft.pk


def test_requesting_changes_publishes_nothing(draft, idea, editor, django_capture_on_commit_callbacks):
    submit(draft, editor)
    task_state = reload(draft).current_workflow_state.current_task_state

    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(task_state.specific, UserFactory(role=Role.REDAKTOER), "reject")

    draft = reload(draft)
    assert not draft.live
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_NEEDS_CHANGES
    idea.refresh_from_db()
    assert idea.stage == Stage.IDEA
    assert not Notification.objects.exists()


# ---- the same in the page editor -----------------------------------------------------------------


def edit_form(client, method):
    """The page editor's form as the browser would send it; the StreamField is drawn by script, so its
    inputs are added here from the method's own blocks."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[method.pk]))
    assert response.status_code == 200
    form = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    blocks = [(block.block_type, rich_text(block.value.source)) for block in method.description]
    form.update(nested_form_data({"description": streamfield(blocks)}))
    return form


def test_an_editor_submits_in_the_page_editor_and_another_approves(
    draft, editor, client, verified_login, django_capture_on_commit_callbacks
):
    verified_login(client, editor)
    form = edit_form(client, draft)
    form["action-submit"] = "1"

    response = client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), form)

    assert response.status_code == 302
    assert reload(draft).workflow_in_progress
    assert not reload(draft).live

    verified_login(client, UserFactory(role=Role.REDAKTOER))
    task_state = reload(draft).current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", task_state.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)

    assert response.status_code == 302
    assert reload(draft).live


def test_an_editor_may_publish_directly_from_the_page_editor(
    draft, idea, editor, client, verified_login, django_capture_on_commit_callbacks
):
    verified_login(client, editor)
    form = edit_form(client, draft)
    form["declaration_effekt"] = "B"
    form["declaration_effekt_justification"] = "To kvasi-eksperimentelle studier."
    form["action-publish"] = "action-publish"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), form)

    assert response.status_code == 302
    draft = reload(draft)
    assert draft.live
    assert draft.stage == Stage.EVIDENCE
    idea.refresh_from_db()
    assert idea.stage == Stage.EVIDENCE


def test_a_moderator_cannot_open_the_page_editor(draft, client, verified_login, moderator):
    verified_login(client, moderator)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))

    assert response.status_code in (302, 403)
    assert not reload(draft).live


# ---- stage transitions on publish ----------------------------------------------------------------


def publish(method, django_capture_on_commit_callbacks, **fields):
    method = reload(method)
    for name, value in fields.items():
        setattr(method, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        method.save_revision().publish()
    return reload(method)


@pytest.mark.parametrize(
    ("effekt", "stage"),
    [("", Stage.METHOD), ("D", Stage.METHOD), ("C", Stage.METHOD), ("B", Stage.EVIDENCE), ("A", Stage.EVIDENCE)],
)
def test_publishing_lifts_ideas_to_the_methods_stage(draft, idea, effekt, stage, django_capture_on_commit_callbacks):
    method = publish(draft, django_capture_on_commit_callbacks, declaration_effekt=effekt)

    assert method.stage == stage
    idea.refresh_from_db()
    assert idea.stage == stage


def test_every_origin_idea_climbs(draft, editor, django_capture_on_commit_callbacks):
    second = IdeaFactory()
    Idea.objects.filter(pk=second.pk).update(stage=Stage.PROMISING)
    services.promote(editor, second, into=draft)

    publish(draft, django_capture_on_commit_callbacks)

    assert set(Idea.objects.values_list("stage", flat=True)) == {Stage.METHOD}


def test_an_idea_never_goes_down(draft, idea, django_capture_on_commit_callbacks):
    Idea.objects.filter(pk=idea.pk).update(stage=Stage.EVIDENCE)

    publish(draft, django_capture_on_commit_callbacks, declaration_effekt="C")

    idea.refresh_from_db()
    assert idea.stage == Stage.EVIDENCE


def test_a_later_a_rating_lifts_the_ideas_to_evidence(draft, idea, django_capture_on_commit_callbacks):
    publish(draft, django_capture_on_commit_callbacks, declaration_effekt="C")
    publish(draft, django_capture_on_commit_callbacks, declaration_effekt="A")

    idea.refresh_from_db()
    assert idea.stage == Stage.EVIDENCE


def test_a_lower_rating_later_does_not_take_evidence_back(draft, idea, django_capture_on_commit_callbacks):
    publish(draft, django_capture_on_commit_callbacks, declaration_effekt="A")
    method = publish(draft, django_capture_on_commit_callbacks, declaration_effekt="D")

    assert method.stage == Stage.METHOD
    idea.refresh_from_db()
    assert idea.stage == Stage.EVIDENCE


def test_saving_a_draft_revision_changes_no_idea(draft, idea, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        reload(draft).save_revision()

    idea.refresh_from_db()
    assert idea.stage == Stage.IDEA
    assert not Notification.objects.exists()


# ---- announcements -------------------------------------------------------------------------------


def test_the_author_voters_and_followers_are_told_once(draft, idea, django_capture_on_commit_callbacks):
    voter, follower = UserFactory(), UserFactory()
    ideas.cast_vote(voter, idea)
    ideas.follow(follower, idea=idea)

    publish(draft, django_capture_on_commit_callbacks)

    told = Notification.objects.filter(verb=Verb.IDEA_PROMOTED)
    assert sorted(told.values_list("recipient_id", flat=True)) == sorted([idea.author_id, voter.pk, follower.pk])
    assert Promotion.objects.get(idea=idea).announced_at is not None


def test_publishing_again_announces_nothing_new(draft, idea, django_capture_on_commit_callbacks):
    publish(draft, django_capture_on_commit_callbacks)
    announced_at = Promotion.objects.get(idea=idea).announced_at

    publish(draft, django_capture_on_commit_callbacks, summary="Rettet resumé.")
    publish(draft, django_capture_on_commit_callbacks, declaration_effekt="A")

    assert Notification.objects.filter(verb=Verb.IDEA_PROMOTED).count() == 1
    assert Promotion.objects.get(idea=idea).announced_at == announced_at


def test_an_idea_added_later_is_announced_alone(draft, idea, editor, django_capture_on_commit_callbacks):
    publish(draft, django_capture_on_commit_callbacks)
    second = IdeaFactory()

    with django_capture_on_commit_callbacks(execute=True):
        services.promote(editor, second, into=reload(draft))

    told = Notification.objects.filter(verb=Verb.IDEA_PROMOTED)
    assert sorted(told.values_list("idea_id", flat=True)) == sorted([idea.pk, second.pk])
    assert told.filter(idea=idea).count() == 1


def test_nothing_is_announced_before_the_transaction_commits(draft, idea):
    reload(draft).save_revision().publish()

    assert not Notification.objects.exists()
    assert Promotion.objects.get(idea=idea).announced_at is None


def test_a_method_without_ideas_is_published_quietly(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        method = make_method()

    assert method.live
    assert not Notification.objects.exists()


def test_the_editor_who_promoted_is_not_told_of_their_own_promotion(
    draft, idea, editor, django_capture_on_commit_callbacks
):
    ideas.cast_vote(editor, idea)

    publish(draft, django_capture_on_commit_callbacks)

    assert list(Notification.objects.values_list("recipient_id", flat=True)) == [idea.author_id]
    assert Notification.objects.get().actor == editor
