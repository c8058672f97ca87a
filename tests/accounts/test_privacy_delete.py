"""Delete my account (issue #9 §2): after a confirmation the personal data goes, shared ideas and comments
stay as "Tidligere medarbejder, <organisation>", votes stay counted without a person, the API token stops
at once; administrators can do the same for anyone; every deletion is audit-logged without personal data."""

import json
from datetime import date

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from wagtail.models import APIToken, ModelLogEntry

from ideabank.accounts import privacy
from ideabank.accounts import services as account_services
from ideabank.accounts.models import Invitation, User, UserSession
from ideabank.accounts.roles import Role
from ideabank.errors import Conflict
from ideabank.ideas import services
from ideabank.ideas.models import Comment, Follow, Idea, Report, TriedReport, Vote
from ideabank.notifications.models import Notification, NotificationPreference, Verb
from tests.factories import PASSWORD, CommentFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db

DELETE_URL = reverse("accounts:delete_account")


def reloaded(user):
    return User.objects.get(pk=user.pk)


def deletion_entries(user):
    return ModelLogEntry.objects.filter(action=privacy.DELETE_ACTION, object_id=str(user.pk))


@pytest.fixture
def shared(staff, colleague):
    """What `staff` has shared and done, before the deletion."""
    idea = IdeaFactory(author=staff, title="Walk and talk med unge")
    draft = IdeaFactory(author=staff, title="Min kladde", status=Idea.Status.DRAFT, published_at=None)
    theirs = IdeaFactory(author=colleague)
    services.cast_vote(staff, theirs)
    services.cast_vote(colleague, idea)
    comment = services.add_comment(staff, theirs, "Det har vi også gode erfaringer med.")
    services.follow(staff, idea=theirs)
    services.report_tried(staff, theirs, tried_from=date(2025, 3, 1), what_happened="Det gik godt.")
    report = services.report_content(staff, reason=Report.Reason.SPAM, comment=CommentFactory(idea=theirs))
    Notification.objects.create(recipient=staff, verb=Verb.COMMENT_ON_IDEA, actor=colleague, idea=idea)
    NotificationPreference.objects.create(user=staff, kind=Verb.NEW_IDEA_FOLLOWED, channel="weekly")
    APIToken.create_token(user=staff, name="Regneark")
    return {"idea": idea, "draft": draft, "theirs": theirs, "comment": comment, "report": report}


# ---- what goes and what stays ---------------------------------------------------------------


def test_personal_data_goes_and_the_row_stays_anonymous(staff, shared):
    email, name = staff.email, staff.display_name

    privacy.delete_account(staff, acting=staff)

    user = reloaded(staff)
    assert user.deleted_at is not None
    assert user.email != email and user.email.endswith("@slettet.invalid")
    assert name not in (user.display_name, user.public_name, str(user))
    assert user.public_name == "Tidligere medarbejder"
    assert user.job_title == ""
    assert not user.has_usable_password()
    assert user.is_active is False
    assert list(user.groups.all()) == []
    assert user.organisation.name == "Aarhus Kommune"  # what "Tidligere medarbejder, <organisation>" needs


def test_tokens_notifications_follows_and_preferences_go(staff, shared):
    privacy.delete_account(staff, acting=staff)

    assert not APIToken.objects.filter(user=staff).exists()
    assert not Notification.objects.filter(recipient=staff).exists()
    assert not NotificationPreference.objects.filter(user=staff).exists()
    assert not Follow.objects.filter(user=staff).exists()


def test_drafts_go_and_shared_content_stays(staff, shared):
    privacy.delete_account(staff, acting=staff)

    assert not Idea.objects.filter(pk=shared["draft"].pk).exists()
    assert Idea.objects.get(pk=shared["idea"].pk).author_id == staff.pk
    assert Comment.objects.get(pk=shared["comment"].pk).author_id == staff.pk
    assert TriedReport.objects.filter(author=staff).count() == 1


def test_votes_stay_counted_but_belong_to_nobody(staff, shared):
    theirs = shared["theirs"]

    privacy.delete_account(staff, acting=staff)

    assert not Vote.objects.filter(user=staff).exists()
    assert Vote.objects.filter(idea=theirs, user__isnull=True).count() == 1
    assert Idea.objects.get(pk=theirs.pk).vote_count == 1
    services.recount(theirs)
    assert theirs.vote_count == 1


def test_reports_stay_but_no_longer_name_the_reporter(staff, shared):
    privacy.delete_account(staff, acting=staff)
    assert Report.objects.get(pk=shared["report"].pk).reporter_id is None


def test_others_can_still_vote_and_withdraw_next_to_an_unlinked_vote(staff, shared, outsider):
    theirs = shared["theirs"]
    privacy.delete_account(staff, acting=staff)

    assert services.cast_vote(outsider, theirs) == {"votes": 2, "voted": True}
    with pytest.raises(Conflict):
        services.cast_vote(outsider, theirs)
    assert services.withdraw_vote(outsider, theirs) == {"votes": 1, "voted": False}
    with pytest.raises(Conflict):
        services.withdraw_vote(outsider, theirs)
    assert Idea.objects.get(pk=theirs.pk).vote_count == 1


def test_two_deleted_voters_both_keep_counting(colleague, outsider, moderator):
    idea = IdeaFactory(author=colleague)
    first, second = UserFactory(), UserFactory()
    services.cast_vote(first, idea)
    services.cast_vote(second, idea)

    privacy.delete_account(first, acting=first)
    privacy.delete_account(second, acting=second)

    assert Vote.objects.filter(idea=idea, user__isnull=True).count() == 2
    assert Idea.objects.get(pk=idea.pk).vote_count == 2


def test_a_merge_moves_unlinked_votes_too(staff, colleague, moderator):
    duplicate, target = IdeaFactory(author=colleague), IdeaFactory(author=colleague)
    services.cast_vote(staff, duplicate)
    privacy.delete_account(staff, acting=staff)

    services.merge(moderator, duplicate, target)

    assert Idea.objects.get(pk=target.pk).vote_count == 1
    assert Vote.objects.filter(idea=target, user__isnull=True).count() == 1


def test_sessions_end_and_the_password_no_longer_works(client, staff, shared):
    other = Client()
    other.force_login(staff)
    assert UserSession.objects.filter(user=staff).exists()

    privacy.delete_account(staff, acting=staff)

    assert not UserSession.objects.filter(user=staff).exists()
    assert other.get(reverse("accounts:profile")).status_code == 302
    response = client.post(reverse("accounts:login"), {"username": shared["idea"].author.email, "password": PASSWORD})
    assert SESSION_KEY not in client.session
    assert response.status_code == 200


def test_the_email_is_free_for_a_new_account(staff):
    email = staff.email
    privacy.delete_account(staff, acting=staff)
    assert UserFactory(email=email).email == email


def test_login_failures_and_invitations_for_the_address_are_forgotten(staff, aarhus):
    AccessAttempt.objects.create(username=staff.email, ip_address="127.0.0.1", failures_since_start=1)
    Invitation.objects.create(email=staff.email, organisation=aarhus)

    privacy.delete_account(staff, acting=staff)

    assert not AccessAttempt.objects.filter(username__iexact=staff.email).exists()
    assert not Invitation.objects.filter(email__iexact=staff.email).exists()


def test_every_cascading_relation_is_emptied(staff):
    """Whatever later apps hang on the user with CASCADE (two-factor devices, for example) goes too."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=staff, name="Telefon", confirmed=True)

    privacy.delete_account(staff, acting=staff)

    assert not TOTPDevice.objects.filter(user=staff).exists()


def test_a_registered_deletion_step_runs(staff, monkeypatch):
    seen = []
    monkeypatch.setattr(privacy, "_deletion_steps", [])
    privacy.deletion_step(lambda user: seen.append((user.pk, user.email)))

    email = staff.email
    privacy.delete_account(staff, acting=staff)

    assert seen == [(staff.pk, email)]  # before the row is anonymised, so the step still sees who it was


# ---- how the shared content looks afterwards --------------------------------------------------


def test_the_idea_page_shows_a_former_employee(client, staff, shared, colleague):
    name = staff.display_name
    CommentFactory(idea=shared["idea"], author=staff, body="Mit eget svar")
    privacy.delete_account(staff, acting=staff)

    client.force_login(colleague)
    html = client.get(shared["idea"].get_absolute_url()).content.decode()

    assert "Delt af Tidligere medarbejder, Aarhus Kommune" in html
    assert name not in html
    comment_html = client.get(shared["theirs"].get_absolute_url()).content.decode()
    assert "Tidligere medarbejder</span>, Aarhus Kommune" in comment_html


def test_the_api_shows_a_former_employee(client, staff, shared):
    privacy.delete_account(staff, acting=staff)

    author = client.get(f"/api/v1/ideas/{shared['idea'].pk}").json()["author"]

    assert author["display_name"] == "Tidligere medarbejder"
    assert author["organisation"]["name"] == "Aarhus Kommune"


# ---- the audit log ----------------------------------------------------------------------------


def test_a_deletion_is_logged_without_personal_data(staff, shared):
    email, name = staff.email, staff.display_name

    privacy.delete_account(staff, acting=staff)

    entry = deletion_entries(staff).get()
    assert entry.user_id == staff.pk
    assert entry.data == {
        "user_id": staff.pk,
        "organisation_id": staff.organisation_id,
        "organisation": "Aarhus Kommune",
        "by_administrator": False,
    }
    text = json.dumps({"label": entry.label, "data": entry.data}, ensure_ascii=False)
    assert email not in text and name not in text
    assert entry.timestamp is not None


def test_earlier_log_entries_about_the_user_lose_the_name(staff, moderator):
    name = staff.display_name
    account_services.block_user(moderator, staff, reason=f"{name} skrev spam")
    account_services.unblock_user(moderator, staff)
    staff.refresh_from_db()

    privacy.delete_account(staff, acting=staff)

    user_type = ContentType.objects.get_for_model(User)
    for entry in ModelLogEntry.objects.filter(content_type=user_type, object_id=str(staff.pk)):
        assert name not in entry.label
        assert name not in json.dumps(entry.data, ensure_ascii=False)
    assert ModelLogEntry.objects.filter(action="ideabank.block", object_id=str(staff.pk), user=moderator).exists()


def test_a_deleted_account_cannot_be_deleted_twice_or_unblocked(staff, administrator, moderator):
    privacy.delete_account(staff, acting=staff)
    staff.refresh_from_db()

    with pytest.raises(Conflict):
        privacy.delete_account(staff, acting=administrator)
    with pytest.raises(PermissionDenied):
        account_services.unblock_user(moderator, staff)
    assert deletion_entries(staff).count() == 1


def test_the_last_administrator_cannot_delete_themself(administrator):
    with pytest.raises(Conflict):
        privacy.delete_account(administrator, acting=administrator)
    assert reloaded(administrator).deleted_at is None


def test_an_administrator_may_go_when_another_remains(administrator):
    other = UserFactory(role=Role.ADMINISTRATOR)
    privacy.delete_account(administrator, acting=other)
    assert reloaded(administrator).deleted_at is not None


def test_nobody_else_may_delete_an_account(staff, colleague, moderator, editor):
    for acting in (colleague, moderator, editor):
        with pytest.raises(PermissionDenied):
            privacy.delete_account(staff, acting=acting)
    assert reloaded(staff).deleted_at is None


# ---- the profile page -------------------------------------------------------------------------


def test_the_profile_page_offers_deletion(client, staff):
    client.force_login(staff)
    html = client.get(reverse("accounts:profile")).content.decode()
    assert DELETE_URL in html
    assert "Slet min konto" in html


def test_the_confirmation_page_explains_what_happens(client, staff):
    client.force_login(staff)
    response = client.get(DELETE_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sletningen kan ikke fortrydes." in html
    assert "Tidligere medarbejder, Aarhus Kommune" in html


def test_a_wrong_email_deletes_nothing(client, staff):
    client.force_login(staff)

    response = client.post(DELETE_URL, {"email": "en.anden@aarhus.dk"})

    assert response.status_code == 200
    assert "Det er ikke din e-mailadresse. Kontoen er ikke slettet." in response.content.decode()
    assert reloaded(staff).deleted_at is None


def test_an_empty_confirmation_deletes_nothing(client, staff):
    client.force_login(staff)
    assert client.post(DELETE_URL, {}).status_code == 200
    assert reloaded(staff).deleted_at is None


def test_typing_ones_email_deletes_and_logs_out(client, staff, shared):
    client.force_login(staff)

    response = client.post(DELETE_URL, {"email": staff.email.upper()}, follow=True)

    assert response.redirect_chain == [("/", 302)]
    assert "Din konto er slettet." in response.content.decode()
    assert SESSION_KEY not in client.session
    assert reloaded(staff).deleted_at is not None


def test_deletion_needs_a_login_and_a_post(client, staff):
    assert client.post(DELETE_URL, {"email": staff.email}).status_code == 302
    assert reloaded(staff).deleted_at is None


# ---- the API ----------------------------------------------------------------------------------


def test_delete_me_answers_204_and_the_token_stops_at_once(client, staff, shared, token_for):
    headers = token_for(staff)

    response = client.delete("/api/v1/me", **headers)

    assert response.status_code == 204
    assert reloaded(staff).deleted_at is not None
    assert client.get("/api/v1/me", **headers).status_code == 401
    assert client.delete("/api/v1/me", **headers).status_code == 401


def test_delete_me_with_the_session_needs_csrf(staff):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(staff)

    assert browser.delete("/api/v1/me").status_code == 403
    assert reloaded(staff).deleted_at is None


def test_delete_me_needs_authentication(client):
    assert client.delete("/api/v1/me").status_code == 401


def test_deleting_another_user_is_forbidden(client, staff, colleague, token_for):
    response = client.delete(f"/api/v1/users/{colleague.pk}", **token_for(staff))

    assert response.status_code == 403
    assert reloaded(colleague).deleted_at is None


def test_an_administrator_deletes_a_user_through_the_api(client, staff, administrator, token_for):
    response = client.delete(f"/api/v1/users/{staff.pk}", **token_for(administrator))

    assert response.status_code == 204
    entry = deletion_entries(staff).get()
    assert entry.user_id == administrator.pk
    assert entry.data["by_administrator"] is True


def test_deleting_twice_through_the_api_is_a_conflict(client, staff, administrator, token_for):
    headers = token_for(administrator)
    client.delete(f"/api/v1/users/{staff.pk}", **headers)

    response = client.delete(f"/api/v1/users/{staff.pk}", **headers)

    assert response.status_code == 409
    assert response.json() == {"detail": "Kontoen er allerede slettet."}


def test_the_last_administrator_gets_a_conflict(client, administrator, token_for):
    response = client.delete("/api/v1/me", **token_for(administrator))
    assert response.status_code == 409
    assert response.json() == {"detail": "Kontoen er den eneste administrator og kan ikke slettes."}


# ---- the Wagtail admin ------------------------------------------------------------------------


def admin_delete_url(user):
    return reverse("ideabank_accounts_admin_delete", args=[user.pk])


def test_wagtails_delete_user_leads_to_the_anonymising_deletion(client, staff, administrator, verified_login):
    verified_login(client, administrator)

    response = client.get(reverse("wagtailusers_users:delete", args=[staff.pk]))

    assert response.status_code == 302
    assert response["Location"] == admin_delete_url(staff)
    assert reloaded(staff).deleted_at is None


def test_an_administrator_confirms_a_deletion_in_the_admin(client, staff, administrator, verified_login):
    verified_login(client, administrator)
    page = client.get(admin_delete_url(staff))
    assert page.status_code == 200
    assert staff.email in page.content.decode()

    assert client.post(admin_delete_url(staff), {}).status_code == 200  # the box is not ticked
    assert reloaded(staff).deleted_at is None

    response = client.post(admin_delete_url(staff), {"confirm": "on"})

    assert response.status_code == 302
    assert reloaded(staff).deleted_at is not None
    assert deletion_entries(staff).get().user_id == administrator.pk


def test_wagtails_bulk_delete_anonymises_too(client, staff, colleague, administrator, verified_login):
    verified_login(client, administrator)
    url = reverse("wagtail_bulk_action", args=["accounts", "user", "delete"])

    response = client.post(f"{url}?id={staff.pk}&id={colleague.pk}")

    assert response.status_code == 302
    assert User.objects.filter(pk__in=[staff.pk, colleague.pk], deleted_at__isnull=False).count() == 2
    assert ModelLogEntry.objects.filter(action=privacy.DELETE_ACTION).count() == 2


def test_moderators_cannot_delete_accounts_in_the_admin(client, staff, moderator, verified_login):
    verified_login(client, moderator)

    client.post(admin_delete_url(staff), {"confirm": "on"})

    assert reloaded(staff).deleted_at is None


def test_deleted_accounts_are_not_listed_as_blocked(client, staff, moderator, verified_login):
    privacy.delete_account(staff, acting=staff)
    verified_login(client, moderator)

    response = client.get(reverse("moderation_users:index"))

    assert response.status_code == 200
    assert "Tidligere medarbejder" not in response.content.decode()


def test_the_audit_log_reads_well(staff, administrator):
    privacy.delete_account(staff, acting=administrator)
    entry = deletion_entries(staff).get()

    assert entry.message == f"Konto {staff.pk} (Aarhus Kommune) slettet af en administrator"


def test_the_site_history_shows_the_deletion(client, staff, administrator, verified_login):
    privacy.delete_account(staff, acting=administrator)
    verified_login(client, administrator)

    response = client.get(reverse("wagtailadmin_reports:site_history"), {"action": privacy.DELETE_ACTION})

    html = response.content.decode()
    assert response.status_code == 200
    assert f"Konto {staff.pk} (Aarhus Kommune) slettet af en administrator" in html


def test_delete_me_with_a_session_that_was_just_touched(staff):
    from ideabank.accounts import sessions

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(staff)
    browser.get(reverse("accounts:profile"))  # for the CSRF cookie
    session = browser.session
    session[sessions.SEEN_AT] -= 2 * sessions.TOUCH_SECONDS  # the DELETE request writes the session back
    session.save()

    response = browser.delete("/api/v1/me", HTTP_X_CSRFTOKEN=browser.cookies["csrftoken"].value)

    assert response.status_code == 204
    assert reloaded(staff).deleted_at is not None
    assert browser.get("/api/v1/me").status_code == 401
