"""The kinds added for the knowledge ladder (#6, #7) and for automatic hiding: who hears, what it says,
where it leads."""

import pytest
from wagtail.models import Page, Site

from ideabank.ideas import services as ideas
from ideabank.ideas.models import Follow, Report
from ideabank.notifications import services
from ideabank.notifications.models import Notification, NotificationPreference, Verb
from tests.factories import IdeaFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(staff):
    return IdeaFactory(author=staff, title="Walk and talk")


@pytest.fixture
def method():
    """Any Wagtail page will do: the notification only needs its title and URL."""
    root = Site.objects.get(is_default_site=True).root_page
    return root.add_child(instance=Page(title="Walk and talk-samtaler", slug="walk-and-talk-samtaler"))


def received(user):
    return list(Notification.objects.filter(recipient=user).values_list("verb", flat=True))


def test_assessed_tells_the_author_with_the_conclusion(idea, staff, editor):
    notification = services.notify_assessed(idea, "Lovende praksis", actor=editor)

    assert (notification.recipient, notification.verb, notification.idea) == (staff, Verb.IDEA_ASSESSED, idea)
    assert services.text(notification) == "Din idé »Walk and talk« er vurderet: Lovende praksis"
    assert services.target_url(notification) == idea.get_absolute_url()


def test_assessed_stores_a_lazy_label_as_its_danish_text(idea):
    from django.utils.translation import gettext_lazy, override

    with override("en"):
        notification = services.notify_assessed(idea, gettext_lazy("Min idé er vurderet"))

    assert notification.detail == "Min idé er vurderet"


def test_assessed_without_a_label_still_reads_well(idea):
    notification = services.notify_assessed(idea, "")

    assert services.text(notification) == "Din idé »Walk and talk« er vurderet"


def test_promoted_tells_author_voters_and_followers_once_each(idea, staff, colleague, outsider, editor, method):
    ideas.cast_vote(colleague, idea)
    ideas.cast_vote(outsider, idea)
    Follow.objects.create(user=outsider, idea=idea)
    follower = UserFactory()
    Follow.objects.create(user=follower, idea=idea)
    switched_off = UserFactory()
    Follow.objects.create(user=switched_off, idea=idea)
    services.set_preference(switched_off, Verb.IDEA_PROMOTED, NotificationPreference.Channel.OFF)
    gone = UserFactory(is_active=False)
    Follow.objects.create(user=gone, idea=idea)
    bystander = UserFactory()

    created = services.notify_promoted(idea, method, actor=editor)

    assert sorted(n.recipient_id for n in created) == sorted([staff.pk, colleague.pk, outsider.pk, follower.pk])
    assert received(switched_off) == received(gone) == received(bystander) == received(editor) == []
    mine = Notification.objects.get(recipient=staff)
    theirs = Notification.objects.get(recipient=colleague)
    assert (mine.method.pk, mine.idea) == (method.pk, idea)
    assert services.text(mine) == "Din idé »Walk and talk« er løftet til metoden »Walk and talk-samtaler«"
    assert services.text(theirs) == (
        "»Walk and talk«, som du har stemt på eller følger, er løftet til metoden »Walk and talk-samtaler«"
    )
    assert services.target_url(mine) == "/walk-and-talk-samtaler/"


def test_a_promoted_notification_outlives_its_method(idea, staff, method):
    services.notify_promoted(idea, method)
    method.delete()

    notification = Notification.objects.get(recipient=staff)

    assert notification.method is None
    assert services.target_url(notification) == idea.get_absolute_url()
    assert "en metode" in services.text(notification)


def test_method_adopted_tells_the_followers(method, staff, colleague, outsider):
    organisation = OrganisationFactory(name="Foreningen Gadekær")

    created = services.notify_method_adopted(method, organisation, [staff, colleague.pk], actor=colleague)

    assert [n.recipient_id for n in created] == [staff.pk]
    notification = Notification.objects.get(recipient=staff)
    assert notification.organisation == organisation
    assert services.text(notification) == (
        "Metoden »Walk and talk-samtaler«, som du følger, er taget i brug af Foreningen Gadekær"
    )
    assert services.target_url(notification) == "/walk-and-talk-samtaler/"
    assert received(outsider) == []


def report_three_times(**target):
    for _ in range(Report.HIDE_THRESHOLD):
        ideas.report_content(UserFactory(), reason=Report.Reason.SPAM, **target)


def test_auto_hiding_an_idea_tells_its_author(idea, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report_three_times(idea=idea)

    notification = Notification.objects.get(recipient=staff)
    assert notification.verb == Verb.CONTENT_AUTO_HIDDEN
    assert services.text(notification) == (
        "Din idé »Walk and talk« er skjult, fordi flere har anmeldt den. En moderator ser på den."
    )


def test_auto_hiding_a_comment_tells_its_author(idea, colleague, django_capture_on_commit_callbacks):
    comment = ideas.add_comment(colleague, idea, "Det har vi også prøvet.")

    with django_capture_on_commit_callbacks(execute=True):
        report_three_times(comment=comment)

    notification = Notification.objects.get(recipient=colleague)
    assert (notification.verb, notification.comment) == (Verb.CONTENT_AUTO_HIDDEN, comment)
    assert services.text(notification).startswith("Din kommentar til »Walk and talk« er skjult")
    assert services.target_url(notification) == f"{idea.get_absolute_url()}#comment-{comment.pk}"


def test_fewer_reports_tell_nobody(idea, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ideas.report_content(UserFactory(), reason=Report.Reason.SPAM, idea=idea)

    assert received(staff) == []


def test_every_kind_has_a_preference_and_a_sentence(staff):
    choices = services.preferences(staff)

    assert set(choices) == set(Verb.values)
    for verb in Verb.values:
        notification = Notification(recipient=staff, verb=verb)
        assert services.text(notification) != "Ny hændelse"
