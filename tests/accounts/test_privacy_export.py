"""My data (issue #9 §1): a user downloads everything held about them as JSON, on the profile page and in
the API; API tokens appear by name only; another user's export is refused unless one is an administrator."""

import json
from datetime import date

import pytest
from django.urls import reverse
from wagtail.models import APIToken

from ideabank.accounts import privacy
from ideabank.ideas import services
from ideabank.ideas.models import Idea, Report
from ideabank.notifications.models import Notification, NotificationPreference, Verb
from ideabank.taxonomy.models import TargetGroup
from tests.factories import CommentFactory, IdeaFactory

pytestmark = pytest.mark.django_db

EXPORT_URL = reverse("accounts:export")
API_EXPORT_URL = "/api/v1/me/export"


@pytest.fixture
def history(staff, colleague):
    """Something of every kind for `staff`, and a little for `colleague` that must not leak into it."""
    mine = IdeaFactory(author=staff, title="Walk and talk med unge", tags=["unge"])
    draft = IdeaFactory(author=staff, title="Min kladde", status=Idea.Status.DRAFT, published_at=None)
    theirs = IdeaFactory(author=colleague, title="Madklub for ensomme ældre")
    services.cast_vote(staff, theirs)
    services.cast_vote(colleague, mine)
    comment = services.add_comment(staff, theirs, "Det vil vi også prøve.")
    CommentFactory(idea=mine, author=colleague, body="Kollegaens kommentar")
    target_group = TargetGroup.objects.order_by("name").first()
    services.follow(staff, target_group=target_group)
    services.follow(staff, idea=theirs)
    services.report_tried(staff, theirs, tried_from=date(2025, 3, 1), what_happened="Det gik godt for borgerne.")
    services.report_content(staff, reason=Report.Reason.SPAM, comment=CommentFactory(idea=theirs), note="Reklame")
    Notification.objects.create(recipient=staff, verb=Verb.COMMENT_ON_IDEA, actor=colleague, idea=mine)
    Notification.objects.create(recipient=colleague, verb=Verb.COMMENT_ON_IDEA, actor=staff, idea=theirs)
    NotificationPreference.objects.create(user=staff, kind=Verb.NEW_IDEA_FOLLOWED, channel="weekly")
    _token, key = APIToken.create_token(user=staff, name="Regneark")
    return {"mine": mine, "draft": draft, "theirs": theirs, "comment": comment, "key": key}


def test_the_export_holds_every_section(staff, history):
    data = privacy.export_user_data(staff, acting=staff)

    assert data["export"]["user_id"] == staff.pk
    assert data["profile"]["email"] == staff.email
    assert data["profile"]["display_name"] == staff.display_name
    assert data["profile"]["job_title"] == staff.job_title
    assert data["profile"]["organisation"]["name"] == "Aarhus Kommune"
    assert data["profile"]["role"] == "medarbejder"
    assert {idea["title"] for idea in data["ideas"]} == {"Walk and talk med unge", "Min kladde"}
    walk = next(idea for idea in data["ideas"] if idea["title"] == "Walk and talk med unge")
    assert walk["tags"] == ["unge"]
    assert walk["votes"] == 1
    assert [comment["body"] for comment in data["comments"]] == ["Det vil vi også prøve."]
    assert [vote["idea"]["title"] for vote in data["votes"]] == ["Madklub for ensomme ældre"]
    assert {follow["kind"] for follow in data["follows"]} == {"target_group", "idea"}
    assert [n["kind"] for n in data["notifications"]] == [Verb.COMMENT_ON_IDEA]
    assert "Walk and talk med unge" in data["notifications"][0]["text"]
    assert data["notification_preferences"] == {Verb.NEW_IDEA_FOLLOWED: "weekly"}
    assert [report["what_happened"] for report in data["tried_reports"]] == ["Det gik godt for borgerne."]
    assert [(report["reason"], report["note"]) for report in data["content_reports"]] == [("spam", "Reklame")]
    assert [token["name"] for token in data["api_tokens"]] == ["Regneark"]


def test_tokens_leave_by_name_only(staff, history):
    token = APIToken.objects.get(user=staff)
    text = json.dumps(privacy.export_user_data(staff, acting=staff))

    assert history["key"] not in text
    assert token.key_hash not in text
    assert token.prefix not in text
    assert set(privacy.export_user_data(staff)["api_tokens"][0]) == {"name", "created", "last_used_at", "revoked_at"}


def test_nothing_of_other_people_leaks_in(staff, colleague, history):
    text = json.dumps(privacy.export_user_data(staff, acting=staff), ensure_ascii=False)

    assert colleague.email not in text
    assert "Kollegaens kommentar" not in text


def test_a_new_section_is_added_by_registering_it(staff, monkeypatch):
    monkeypatch.setattr(privacy, "_sections", dict(privacy._sections))

    @privacy.export_section("adoptions")
    def adoptions(user):
        return [{"method": "Walk and talk", "contact": user.pk}]

    assert privacy.export_user_data(staff)["adoptions"] == [{"method": "Walk and talk", "contact": staff.pk}]


def test_the_profile_page_links_to_the_export(client, staff):
    client.force_login(staff)
    assert EXPORT_URL in client.get(reverse("accounts:profile")).content.decode()


def test_the_export_downloads_as_a_json_file(client, staff, history):
    client.force_login(staff)

    response = client.get(EXPORT_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="idebanken-mine-data-')
    assert response["Cache-Control"] == "no-store"
    data = json.loads(response.content)
    assert data["profile"]["email"] == staff.email
    assert "Walk and talk med unge" in response.content.decode()  # kept readable, not \\u-escaped


def test_the_export_needs_a_login(client):
    response = client.get(EXPORT_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_api_export_with_a_token(client, staff, history, token_for):
    response = client.get(API_EXPORT_URL, **token_for(staff))

    assert response.status_code == 200
    data = response.json()
    assert data["profile"]["email"] == staff.email
    assert [token["name"] for token in data["api_tokens"]] == ["Regneark", "test"]


def test_the_api_export_with_the_session(client, staff):
    client.force_login(staff)
    assert client.get(API_EXPORT_URL).json()["profile"]["email"] == staff.email


def test_the_api_export_needs_authentication(client):
    response = client.get(API_EXPORT_URL)
    assert response.status_code == 401
    assert response.json()["detail"]


def test_another_users_export_is_forbidden(client, staff, colleague, token_for):
    response = client.get(f"/api/v1/users/{colleague.pk}/export", **token_for(staff))

    assert response.status_code == 403
    assert response.json() == {"detail": "Du kan kun hente eller slette dine egne data."}


def test_staff_learn_nothing_from_unknown_ids(client, staff, token_for):
    assert client.get("/api/v1/users/999999/export", **token_for(staff)).status_code == 403


def test_ones_own_id_is_allowed(client, staff, token_for):
    response = client.get(f"/api/v1/users/{staff.pk}/export", **token_for(staff))
    assert response.status_code == 200


def test_an_administrator_exports_a_user(client, staff, administrator, history, token_for):
    response = client.get(f"/api/v1/users/{staff.pk}/export", **token_for(administrator))

    assert response.status_code == 200
    assert response.json()["profile"]["email"] == staff.email


def test_an_administrator_gets_404_for_an_unknown_user(client, administrator, token_for):
    assert client.get("/api/v1/users/999999/export", **token_for(administrator)).status_code == 404


def test_moderators_and_editors_are_not_administrators(client, staff, moderator, editor, token_for):
    for user in (moderator, editor):
        assert client.get(f"/api/v1/users/{staff.pk}/export", **token_for(user)).status_code == 403


def test_the_service_refuses_another_users_export(staff, colleague):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        privacy.export_user_data(staff, acting=colleague)


def test_an_administrator_downloads_a_users_data_in_the_admin(client, staff, administrator, verified_login):
    verified_login(client, administrator)

    response = client.get(reverse("ideabank_accounts_admin_export", args=[staff.pk]))

    assert response.status_code == 200
    assert json.loads(response.content)["profile"]["email"] == staff.email


def test_the_admin_download_is_for_administrators_only(client, staff, moderator, verified_login):
    verified_login(client, moderator)

    response = client.get(reverse("ideabank_accounts_admin_export", args=[staff.pk]))

    assert response.status_code == 302  # Wagtail sends the refused user back with a message
    assert "application/json" not in response.get("Content-Type", "")


def test_the_admin_user_listing_offers_the_download(client, staff, administrator, verified_login):
    verified_login(client, administrator)

    response = client.get(reverse("wagtailusers_users:index"))

    assert response.status_code == 200
    assert reverse("ideabank_accounts_admin_export", args=[staff.pk]) in response.content.decode()
