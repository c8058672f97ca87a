"""Moderation in the Wagtail admin: the reports queue, the ideas list and the actions on ideas,
comments and users, who may reach them, and the audit log every action leaves."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from ideabank.accounts.roles import Role
from ideabank.ideas import services
from ideabank.ideas.models import Comment, Idea, Report, Vote
from tests.factories import CommentFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


def log_entries(instance, action):
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(instance), object_id=str(instance.pk)
    )
    return entries.filter(action=action) if action else entries


def report(target, count=1, reason="spam"):
    field = "idea" if isinstance(target, Idea) else "comment"
    for _ in range(count):
        services.report_content(UserFactory(), reason=reason, **{field: target})
    target.refresh_from_db()
    return target


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def idea(db):
    return IdeaFactory(title="Fast kontaktperson til unge efter anbringelse")


@pytest.fixture
def mod_client(client, moderator, verified_login):
    verified_login(client, moderator)  # the admin wants two-factor (tests/mfa)
    return client


QUEUE = "/admin/moderation/reports/"
IDEAS = "/admin/moderation/ideas/"
USERS = "/admin/moderation/users/"


# ---- who may reach it ------------------------------------------------------------------------


def protected_urls(idea, comment):
    pending = IdeaFactory(status=Idea.Status.PENDING, published_at=None)
    return [
        QUEUE,
        f"{QUEUE}results/",
        f"{QUEUE}hide/idea/{idea.pk}/",
        f"{QUEUE}restore/comment/{comment.pk}/",
        IDEAS,
        f"{IDEAS}inspect/{idea.pk}/",
        f"{IDEAS}history/{idea.pk}/",
        f"{IDEAS}hide/{idea.pk}/",
        f"{IDEAS}merge/{idea.pk}/",
        f"{IDEAS}approve/{pending.pk}/",
        USERS,
        f"{USERS}block/{idea.author_id}/",
        "/admin/moderation/idea-chooser/",
    ]


def test_anonymous_is_sent_to_the_login(client, idea):
    comment = CommentFactory(idea=idea)
    for url in protected_urls(idea, comment):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("wagtailadmin_login")), url


def test_medarbejder_is_refused_everywhere_and_changes_nothing(client, staff, idea):
    comment = CommentFactory(idea=idea)
    client.force_login(staff)
    for url in protected_urls(idea, comment):
        response = client.get(url)
        # Without admin access Wagtail sends them to its login page.
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("wagtailadmin_login")), url
    for url in (f"{IDEAS}hide/{idea.pk}/", f"{QUEUE}hide/comment/{comment.pk}/", f"{USERS}block/{idea.author_id}/"):
        response = client.post(url, {"reason": "nej"})
        assert response.status_code in (302, 403), url
    idea.refresh_from_db()
    comment.refresh_from_db()
    idea.author.refresh_from_db()
    assert idea.status == Idea.Status.PUBLISHED
    assert comment.status == Comment.Status.VISIBLE
    assert idea.author.is_active
    assert not ModelLogEntry.objects.filter(action__startswith="ideabank.").exists()


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.REDAKTOER, Role.ADMINISTRATOR])
def test_moderators_and_above_reach_every_page(client, role, idea, verified_login):
    comment = CommentFactory(idea=idea)
    verified_login(client, UserFactory(role=role))
    for url in protected_urls(idea, comment):
        assert client.get(url).status_code == 200, url


def test_actions_without_a_csrf_token_are_refused(moderator, idea, verified_login):
    client = Client(enforce_csrf_checks=True)
    verified_login(client, moderator)
    assert client.post(f"{IDEAS}hide/{idea.pk}/", {"reason": "x"}).status_code == 403
    idea.refresh_from_db()
    assert idea.status == Idea.Status.PUBLISHED


def test_the_moderation_menu_is_shown_to_moderators(client, moderator, verified_login):
    verified_login(client, moderator)
    home = client.get("/admin/").content.decode()
    assert "Moderation" in home
    assert QUEUE in home and IDEAS in home and USERS in home
    assert "Moderationslog" in home


def test_moderator_role_holds_the_moderation_permissions(moderator, staff):
    for permission in ("ideas.change_idea", "ideas.view_idea", "ideas.view_report", "ideas.view_comment"):
        assert moderator.has_perm(permission), permission
        assert not staff.has_perm(permission), permission


# ---- the dashboard ---------------------------------------------------------------------------


def test_dashboard_panel_counts_open_reports_and_pending_ideas(mod_client, idea):
    report(idea, count=2)
    IdeaFactory(status=Idea.Status.PENDING, published_at=None)
    content = mod_client.get("/admin/").content.decode()
    assert "2 åbne anmeldelser" in content
    assert "1 idé afventer godkendelse" in content


def test_editors_see_the_moderation_panel_too(client, editor, verified_login):
    # Editors rank above moderators, so they moderate too.
    verified_login(client, editor)
    assert "ideabank-moderation" in client.get("/admin/").content.decode()


# ---- the reports queue -----------------------------------------------------------------------


def test_queue_groups_open_reports_by_what_they_report(mod_client, idea):
    # The comment first: once three reports hide the idea, its comments can no longer be reported.
    comment = report(CommentFactory(idea=idea, body="Køb billige kurser hos os"), count=1, reason="offensive")
    report(idea, count=2)
    report(idea, reason="off_topic")
    handled = report(IdeaFactory(title="Allerede behandlet"), count=1)
    services.restore(UserFactory(role=Role.MODERATOR), handled)

    response = mod_client.get(QUEUE)
    assert response.status_code == 200
    rows = list(response.context["object_list"])
    assert [(row.kind, row.target.pk, row.count) for row in rows] == [("idea", idea.pk, 3), ("comment", comment.pk, 1)]
    assert rows[0].hidden_by_reports  # three open reports hid it
    assert "Spam eller reklame (2)" in rows[0].reasons and "Hører ikke hjemme her (1)" in rows[0].reasons
    content = response.content.decode()
    assert idea.title in content and "Køb billige kurser hos os" in content
    assert "Allerede behandlet" not in content


def test_queue_sorts_by_count_and_by_age(mod_client):
    older = report(IdeaFactory(title="Ældst"), count=1)
    busier = report(IdeaFactory(title="Flest"), count=2)
    by_count = [row.target for row in mod_client.get(QUEUE).context["object_list"]]
    assert by_count == [busier, older]
    by_age = [row.target for row in mod_client.get(QUEUE, {"ordering": "first_reported"}).context["object_list"]]
    assert by_age == [older, busier]
    fewest = [row.target for row in mod_client.get(QUEUE, {"ordering": "count"}).context["object_list"]]
    assert fewest == [older, busier]


def test_queue_filters_by_kind(mod_client, idea):
    report(idea)
    comment = report(CommentFactory(idea=idea))
    rows = mod_client.get(QUEUE, {"kind": "comment"}).context["object_list"]
    assert [row.target for row in rows] == [comment]


def test_hiding_from_the_queue_upholds_the_reports_and_is_logged(mod_client, moderator, idea):
    report(idea, count=2)
    page = mod_client.get(f"{QUEUE}hide/idea/{idea.pk}/?next={QUEUE}")
    assert page.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()
    assert Idea.objects.get(pk=idea.pk).status == Idea.Status.PUBLISHED  # GET only asks

    response = mod_client.post(f"{QUEUE}hide/idea/{idea.pk}/", {"reason": "Reklame", "next": QUEUE})
    assert response.status_code == 302 and response["Location"] == QUEUE
    idea.refresh_from_db()
    assert idea.status == Idea.Status.HIDDEN
    assert not Report.objects.filter(idea=idea, handled_at__isnull=True).exists()
    assert set(Report.objects.filter(idea=idea).values_list("resolution", "handled_by")) == {("upheld", moderator.pk)}
    entry = log_entries(idea, "ideabank.hide").get()
    assert entry.user == moderator and entry.data["reason"] == "Reklame" and entry.data["reports_closed"] == 2
    assert any("er skjult" in message for message in messages_of(response))
    assert mod_client.get(QUEUE).context["object_list"] == []


def test_restoring_from_the_queue_dismisses_the_reports_and_is_logged(mod_client, moderator, idea):
    report(idea, count=3)
    assert idea.status == Idea.Status.HIDDEN and idea.hidden_by_reports
    response = mod_client.post(f"{QUEUE}restore/idea/{idea.pk}/")
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.status == Idea.Status.PUBLISHED and not idea.hidden_by_reports
    assert set(Report.objects.filter(idea=idea).values_list("resolution", flat=True)) == {"dismissed"}
    assert log_entries(idea, "ideabank.restore").get().user == moderator


def test_hiding_and_restoring_a_comment_keeps_the_count_exact(mod_client, moderator, idea):
    comment = services.add_comment(UserFactory(), idea, "Det her er reklame")
    report(comment)
    mod_client.post(f"{QUEUE}hide/comment/{comment.pk}/", {"reason": ""})
    comment.refresh_from_db()
    idea.refresh_from_db()
    assert comment.status == Comment.Status.HIDDEN and idea.comment_count == 0
    assert log_entries(comment, "ideabank.hide").get().user == moderator

    mod_client.post(f"{QUEUE}restore/comment/{comment.pk}/")
    comment.refresh_from_db()
    idea.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE and idea.comment_count == 1
    assert log_entries(comment, "ideabank.restore").get().user == moderator


def test_a_deleted_comment_is_never_brought_back_by_dismissing_its_reports(mod_client, idea):
    comment = services.add_comment(UserFactory(), idea, "Slettes af forfatteren")
    report(comment)
    services.delete_comment(comment.author, comment)
    response = mod_client.post(f"{QUEUE}restore/comment/{comment.pk}/")
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.DELETED
    assert not ModelLogEntry.objects.filter(action="ideabank.restore").exists()


def test_unknown_targets_are_not_found(mod_client):
    assert mod_client.get(f"{QUEUE}hide/idea/999999/").status_code == 404
    assert mod_client.get(f"{QUEUE}hide/page/1/").status_code == 404


# ---- the ideas list --------------------------------------------------------------------------


def test_ideas_list_filters_by_status_and_stage_and_searches_titles(mod_client, idea):
    pending = IdeaFactory(title="Venter på en moderator", status=Idea.Status.PENDING, published_at=None)
    draft = IdeaFactory(title="Privat kladde", status=Idea.Status.DRAFT, published_at=None)
    tried = IdeaFactory(title="Afprøvet andre steder", stage="tried")

    listed = list(mod_client.get(IDEAS).context["object_list"])
    assert set(listed) == {idea, pending, tried}  # never someone's private draft
    assert draft not in listed
    assert list(mod_client.get(IDEAS, {"status": "pending"}).context["object_list"]) == [pending]
    assert list(mod_client.get(IDEAS, {"stage": "tried"}).context["object_list"]) == [tried]
    assert list(mod_client.get(IDEAS, {"q": "moderator"}).context["object_list"]) == [pending]


def test_ideas_list_offers_the_actions_that_fit_each_idea(mod_client, idea):
    pending = IdeaFactory(status=Idea.Status.PENDING, published_at=None)
    content = mod_client.get(IDEAS).content.decode()
    assert f"{IDEAS}approve/{pending.pk}/" in content
    assert f"{IDEAS}approve/{idea.pk}/" not in content
    assert f"{IDEAS}hide/{idea.pk}/" in content
    assert f"{IDEAS}merge/{idea.pk}/" in content
    assert f"{USERS}block/{idea.author_id}/" in content


def test_inspect_shows_the_idea_with_user_text_escaped(mod_client):
    idea = IdeaFactory(problem='<script>alert("x")</script>\nAnden linje')
    report(idea, reason="offensive")
    content = mod_client.get(f"{IDEAS}inspect/{idea.pk}/").content.decode()
    assert "<script>alert" not in content
    assert "&lt;script&gt;" in content and "<br>Anden linje" in content
    assert "Krænkende eller stødende" in content  # its open report


def test_approving_a_pending_idea_publishes_it(mod_client, moderator):
    pending = IdeaFactory(status=Idea.Status.PENDING, published_at=None)
    response = mod_client.post(f"{IDEAS}approve/{pending.pk}/")
    assert response.status_code == 302 and response["Location"] == IDEAS
    pending.refresh_from_db()
    assert pending.status == Idea.Status.PUBLISHED and pending.published_at is not None
    assert log_entries(pending, "ideabank.approve").get().user == moderator


def test_approve_is_refused_for_a_published_idea(mod_client, idea):
    response = mod_client.post(f"{IDEAS}approve/{idea.pk}/")
    assert response.status_code == 302
    assert any("passer ikke" in message for message in messages_of(response))
    assert not log_entries(idea, "ideabank.approve").exists()


def test_hide_and_restore_from_the_ideas_list(mod_client, moderator, idea):
    mod_client.post(f"{IDEAS}hide/{idea.pk}/", {"reason": "Dublet af en anden idé"})
    idea.refresh_from_db()
    assert idea.status == Idea.Status.HIDDEN
    mod_client.post(f"{IDEAS}restore/{idea.pk}/")
    idea.refresh_from_db()
    assert idea.status == Idea.Status.PUBLISHED
    entries = log_entries(idea, None).order_by("timestamp", "pk")
    assert [entry.action for entry in entries] == ["ideabank.hide", "ideabank.restore"]


# ---- merge -----------------------------------------------------------------------------------


def test_merging_moves_votes_without_double_counting_and_is_logged(mod_client, moderator, idea):
    duplicate = IdeaFactory(title="Kontaktperson efter anbringelse (dublet)")
    both, only_duplicate = UserFactory(), UserFactory()
    services.cast_vote(both, idea)
    services.cast_vote(both, duplicate)
    services.cast_vote(only_duplicate, duplicate)
    comment = services.add_comment(UserFactory(), duplicate, "Det gør vi også")

    page = mod_client.get(f"{IDEAS}merge/{duplicate.pk}/")
    assert page.status_code == 200 and 'name="into"' in page.content.decode()
    response = mod_client.post(f"{IDEAS}merge/{duplicate.pk}/", {"into": idea.pk})
    assert response.status_code == 302

    duplicate.refresh_from_db()
    idea.refresh_from_db()
    assert duplicate.status == Idea.Status.MERGED and duplicate.merged_into == idea
    assert idea.vote_count == 2 == Vote.objects.filter(idea=idea).count()
    assert Comment.objects.get(pk=comment.pk).idea == idea
    entry = log_entries(duplicate, "ideabank.merge").get()
    assert entry.user == moderator and entry.data["into"] == idea.pk
    assert any("er lagt sammen med" in message for message in messages_of(response))


@pytest.mark.parametrize("target", ["draft", "unknown", "self", "empty"])
def test_merge_into_anything_but_a_published_idea_is_a_form_error(mod_client, idea, target):
    into = {
        "draft": lambda: IdeaFactory(status=Idea.Status.DRAFT, published_at=None).pk,
        "unknown": lambda: 999999,
        "self": lambda: idea.pk,
        "empty": lambda: "",
    }[target]()
    response = mod_client.post(f"{IDEAS}merge/{idea.pk}/", {"into": into})
    assert response.status_code == 200
    assert response.context["form"].errors
    idea.refresh_from_db()
    assert idea.status == Idea.Status.PUBLISHED
    assert not ModelLogEntry.objects.filter(action="ideabank.merge").exists()


def test_a_merged_idea_cannot_be_merged_again(mod_client, idea):
    duplicate = IdeaFactory()
    services.merge(UserFactory(role=Role.MODERATOR), duplicate, idea)
    response = mod_client.post(f"{IDEAS}merge/{duplicate.pk}/", {"into": IdeaFactory().pk})
    assert response.status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.merged_into == idea


def test_the_chooser_lists_published_ideas_but_not_the_duplicate(mod_client, idea):
    IdeaFactory(title="Hemmelig kladde", status=Idea.Status.DRAFT, published_at=None)
    duplicate = IdeaFactory(title="Kontaktperson efter anbringelse, igen")
    response = mod_client.get("/admin/moderation/idea-chooser/results/", {"q": "anbringelse"})
    assert response.status_code == 200
    assert idea.title in response.content.decode()
    assert "Hemmelig kladde" not in mod_client.get("/admin/moderation/idea-chooser/").content.decode()

    merge_page = mod_client.get(f"{IDEAS}merge/{duplicate.pk}/").content.decode()
    assert f"/admin/moderation/idea-chooser/?exclude={duplicate.pk}" in merge_page
    chooser = mod_client.get("/admin/moderation/idea-chooser/results/", {"q": "anbringelse", "exclude": duplicate.pk})
    assert idea.title in chooser.content.decode()
    assert duplicate.title not in chooser.content.decode()


# ---- block and unblock -----------------------------------------------------------------------


def test_blocking_an_author_ends_their_access_and_is_logged(mod_client, moderator, idea, password):
    author = idea.author
    author_client = Client()
    author_client.force_login(author)

    response = mod_client.post(f"{USERS}block/{author.pk}/", {"reason": "Gentagen spam", "next": IDEAS})
    assert response.status_code == 302 and response["Location"] == IDEAS
    author.refresh_from_db()
    assert not author.is_active
    assert not author_client.get("/admin/").wsgi_request.user.is_authenticated  # the session is gone
    entry = log_entries(author, "ideabank.block").get()
    assert entry.user == moderator and entry.data["reason"] == "Gentagen spam"

    blocked = mod_client.get(USERS)
    assert author in blocked.context["object_list"]

    mod_client.post(f"{USERS}unblock/{author.pk}/")
    author.refresh_from_db()
    assert author.is_active
    assert log_entries(author, "ideabank.unblock").get().user == moderator


def test_a_moderator_cannot_block_themselves_or_an_editor(mod_client, moderator, editor):
    for target in (moderator, editor):
        response = mod_client.post(f"{USERS}block/{target.pk}/")
        assert response.status_code == 302
        target.refresh_from_db()
        assert target.is_active
    assert not ModelLogEntry.objects.filter(action="ideabank.block").exists()


# ---- the audit log ---------------------------------------------------------------------------


def test_moderation_actions_have_danish_labels_in_the_log_registry():
    labels = {action: str(label) for action, label in log_registry.get_choices()}
    assert labels["ideabank.hide"] == "Skjul"
    assert labels["ideabank.restore"] == "Gendan"
    assert labels["ideabank.approve"] == "Godkend"
    assert labels["ideabank.merge"] == "Læg sammen"
    assert labels["ideabank.block"] == "Bloker bruger"
    assert labels["ideabank.unblock"] == "Ophæv blokering"
    assert labels["ideabank.auto_hide"] == "Skjult automatisk"


def test_automatic_hiding_is_worded_in_the_history(mod_client, idea):
    report(idea, count=3)
    history = mod_client.get(f"{IDEAS}history/{idea.pk}/").content.decode()
    assert "Skjult automatisk efter 3 åbne anmeldelser" in history


def test_history_and_site_history_show_who_did_what(mod_client, moderator, idea):
    report(idea, count=2)
    mod_client.post(f"{IDEAS}hide/{idea.pk}/", {"reason": "Reklame"})

    history = mod_client.get(f"{IDEAS}history/{idea.pk}/").content.decode()
    assert "Skjul" in history
    assert "Skjult (2 anmeldelser afgjort). Begrundelse: Reklame" in history
    assert moderator.display_name in history

    site = mod_client.get("/admin/reports/site-history/", {"action": "ideabank.hide"}).content.decode()
    assert idea.title in site and moderator.display_name in site
