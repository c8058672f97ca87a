"""Pages that signed-in colleagues share (ideabank/pagecache/personal.py): the same role in the same
organisation gets the page a colleague caused to be rendered, with their own name, bell, greeting, vote,
follow buttons and CSRF token in it; anyone else, anyone with a message waiting, and the author and
commenters of an idea get a page of their own."""

import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import MessageEncoder
from django.core.cache import cache
from django.test import Client
from wagtail.models import PageViewRestriction

from home import sections
from ideabank.accounts.roles import Role
from ideabank.ideas import queries as idea_queries
from ideabank.ideas.models import Follow, Idea, Vote
from ideabank.notifications.models import Notification, Verb
from tests.clients import signed_in
from tests.factories import CommentFactory, IdeaFactory, UserFactory, make_method

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LIST = "/ideer/"


@pytest.fixture
def renders(calls_to):
    """How many times the idea list was computed: a shared page is served without it."""
    return calls_to(idea_queries, "list_ideas")


def page(client, url=LIST):
    answer = client.get(url)
    assert answer.status_code == 200
    return answer.content.decode()


def test_a_colleague_gets_the_shared_page_with_their_own_name_bell_and_token(staff, colleague, renders):
    IdeaFactory(title="Walk and talk")
    Notification.objects.create(recipient=colleague, verb=Verb.COMMENT_ON_IDEA)
    first = page(signed_in(staff))

    shared = page(signed_in(colleague))

    assert len(renders) == 1
    assert "Walk and talk" in shared
    assert colleague.display_name in shared and staff.display_name not in shared
    assert staff.display_name in first
    assert '<span class="badge" data-unread-count>1</span>' in shared
    assert '<span class="badge" data-unread-count>0</span>' in first
    assert set(TOKEN.findall(shared)).isdisjoint(TOKEN.findall(first))
    assert "\x00" not in shared and "\x00" not in first and "\x01" not in shared


def test_the_shared_page_is_the_page_the_colleague_would_have_had(staff, colleague):
    IdeaFactory(title="Walk and talk")
    page(signed_in(staff))
    shared = page(signed_in(colleague))

    cache.clear()
    own = page(signed_in(colleague))

    assert TOKEN.sub("", shared) == TOKEN.sub("", own)


def test_the_token_in_a_shared_page_works_for_its_reader(staff, colleague):
    idea = IdeaFactory(title="Følg mig")
    page(signed_in(staff))
    reader = Client(enforce_csrf_checks=True)
    reader.force_login(colleague)
    token = TOKEN.findall(page(reader))[0]

    answer = reader.post(
        "/ideer/foelg/", {"csrfmiddlewaretoken": token, "kind": "idea", "value": idea.pk, "action": "follow"}
    )

    assert answer.status_code in (200, 302)
    assert Follow.objects.filter(user=colleague, idea=idea).exists()


def test_another_organisation_or_role_gets_a_page_of_its_own(staff, outsider, moderator, renders):
    page(signed_in(staff))
    page(signed_in(outsider))
    for_moderator = page(signed_in(moderator))

    assert len(renders) == 3
    assert 'href="/admin/"' in for_moderator


def test_a_write_retires_the_shared_pages(staff, colleague, renders):
    page(signed_in(staff))
    new = IdeaFactory(title="Ny idé efter skrivningen")  # in a test no commit moves the generation on, but:
    signed_in(staff).post("/ideer/foelg/", {"kind": "idea", "value": new.pk, "action": "follow"})

    assert "Ny idé efter skrivningen" in page(signed_in(colleague))
    assert len(renders) == 2


def test_a_waiting_message_is_shown_to_its_user_alone(staff, colleague, renders):
    page(signed_in(staff))
    with_message = signed_in(colleague)
    session = with_message.session
    session["_messages"] = MessageEncoder().encode([Message(constants.SUCCESS, "Din idé er gemt, Bent")])
    session.save()

    assert "Din idé er gemt, Bent" in page(with_message)
    third = UserFactory(organisation=staff.organisation, role=Role.MEDARBEJDER)
    assert "Din idé er gemt, Bent" not in page(signed_in(third))
    assert "Din idé er gemt, Bent" not in page(with_message)  # shown once
    assert len(renders) == 2  # the page with the message was rendered for its user and not kept


def test_the_front_page_greets_each_user_with_their_own_drafts(staff, colleague, monkeypatch):
    IdeaFactory(author=staff, title="Min hemmelige kladde", status=Idea.Status.DRAFT)
    third = UserFactory(organisation=staff.organisation, role=Role.MEDARBEJDER)
    trending = []
    original = sections.trending_ideas
    monkeypatch.setattr(sections, "trending_ideas", lambda *a, **k: trending.append(1) or original(*a, **k))

    for_colleague = page(signed_in(colleague), "/")
    for_third = page(signed_in(third), "/")
    for_staff = page(signed_in(staff), "/")  # a draft of their own: a page of their own

    assert len(trending) == 2
    assert f"Til dig, {staff.display_name}" in for_staff and "Min hemmelige kladde" in for_staff
    assert f"Til dig, {colleague.display_name}" in for_colleague and f"Til dig, {third.display_name}" in for_third
    assert "Min hemmelige kladde" not in for_colleague and "Min hemmelige kladde" not in for_third


def test_a_method_page_shows_each_user_their_own_follow_button(staff, colleague):
    method = make_method(title="Fælles metode")
    Follow.objects.create(user=staff, method=method)

    for_staff = page(signed_in(staff), method.url)
    for_colleague = page(signed_in(colleague), method.url)

    assert "Stop med at følge" in for_staff
    assert "Stop med at følge" not in for_colleague and "Følg" in for_colleague
    assert "Fælles metode" in for_colleague


def test_a_page_behind_a_view_restriction_is_never_shared(staff, colleague):
    """A password passed is kept in one user's session, so a restricted page is rendered for each reader."""
    method = make_method(title="Metode bag adgangskode")
    PageViewRestriction.objects.create(page=method, restriction_type="login")
    page(signed_in(staff), method.url)
    method.title = "Skiftet titel uden ny generation"
    type(method).objects.filter(pk=method.pk).update(title=method.title)

    assert "Skiftet titel uden ny generation" in page(signed_in(colleague), method.url)


def test_visitors_still_get_the_anonymous_page(staff, client):
    IdeaFactory(title="Walk and talk")
    page(signed_in(staff))

    anonymous = page(client)

    assert staff.display_name not in anonymous
    assert "Log ind" in anonymous and "\x00" not in anonymous


# ---- the idea page: shared by colleagues who neither wrote the idea nor commented on it --------------


@pytest.fixture
def idea_renders(calls_to):
    from ideabank.ideas import views

    return calls_to(views, "render_detail")


def test_colleagues_share_an_idea_page_each_with_their_own_vote_and_follow(staff, colleague, idea_renders):
    idea = IdeaFactory(title="Fælles idé")
    Vote.objects.create(user=staff, idea=idea)
    Follow.objects.create(user=staff, idea=idea)
    url = idea.get_absolute_url()

    for_staff = page(signed_in(staff), url)
    for_colleague = page(signed_in(colleague), url)

    assert len(idea_renders) == 1
    assert ">Fjern din stemme</button>" in for_staff and "Stop med at følge" in for_staff
    assert ">Stem på idéen</button>" in for_colleague and ">Fjern din stemme</button>" not in for_colleague
    assert "Stop med at følge" not in for_colleague and "Fælles idé" in for_colleague


def test_the_author_always_gets_their_own_idea_page(staff, colleague, idea_renders):
    idea = IdeaFactory(title="Min egen idé", author=staff)
    url = idea.get_absolute_url()

    for_colleague = page(signed_in(colleague), url)
    for_author = page(signed_in(staff), url)
    third = page(signed_in(UserFactory(organisation=staff.organisation, role=Role.MEDARBEJDER)), url)

    assert len(idea_renders) == 2  # the author's page was rendered for them; the third colleague shared
    assert "Ret idéen" in for_author and "Du kan ikke stemme på din egen idé." in for_author
    assert "Ret idéen" not in for_colleague and "Ret idéen" not in third
    assert ">Stem på idéen</button>" in third


def test_a_commenter_gets_their_own_idea_page_and_colleagues_do_not_get_their_actions(staff, colleague):
    idea = IdeaFactory(title="Idé med kommentar")
    CommentFactory(idea=idea, author=colleague, body="Det har vi også prøvet")
    url = idea.get_absolute_url()

    for_commenter = page(signed_in(colleague), url)
    for_staff = page(signed_in(staff), url)
    commenter_again = page(signed_in(colleague), url)

    assert "Det har vi også prøvet" in for_staff
    assert "din kommentar" in for_commenter and "din kommentar" in commenter_again
    assert "din kommentar" not in for_staff


def test_an_idea_that_is_not_public_is_never_shared(staff, moderator, idea_renders):
    idea = IdeaFactory(title="Skjult idé", status=Idea.Status.HIDDEN)
    other_moderator = UserFactory(role=Role.MODERATOR, organisation=moderator.organisation)

    assert signed_in(staff).get(idea.get_absolute_url()).status_code == 404
    page(signed_in(moderator), idea.get_absolute_url())
    page(signed_in(other_moderator), idea.get_absolute_url())

    assert len(idea_renders) == 2


def test_a_users_own_draft_never_reaches_a_colleagues_list(staff, colleague):
    """The list shows its author a draft among the published ideas; colleagues must not get that page."""
    IdeaFactory(author=staff, title="Kladde om ensomhed", status=Idea.Status.DRAFT)
    IdeaFactory(title="Offentlig idé om ensomhed")

    for_staff = page(signed_in(staff))
    for_colleague = page(signed_in(colleague))

    assert "Kladde om ensomhed" in for_staff
    assert "Kladde om ensomhed" not in for_colleague and "Offentlig idé om ensomhed" in for_colleague


def test_a_colleagues_list_is_not_served_to_a_user_with_a_draft(staff, colleague):
    page(signed_in(colleague))
    IdeaFactory(author=staff, title="Min kladde", status=Idea.Status.DRAFT)

    assert "Min kladde" in page(signed_in(staff))


# ---- search: the index changes after the write that retired the pages ---------------------------------


def test_a_search_answered_by_the_database_for_an_absent_elasticsearch_is_never_kept(staff, colleague, monkeypatch):
    from search import pages as search_pages
    from search import service

    IdeaFactory(title="Ensomhed blandt ældre")
    monkeypatch.setattr(service, "fell_back", lambda: True)
    searched = []
    original = search_pages.search
    monkeypatch.setattr(search_pages, "search", lambda *a, **k: searched.append(1) or original(*a, **k))

    first = signed_in(staff).get("/soeg/?q=ensomhed")
    page(signed_in(colleague), "/soeg/?q=ensomhed")
    anonymous = Client().get("/soeg/?q=ensomhed")
    Client().get("/soeg/?q=ensomhed")

    assert len(searched) == 4
    assert "no-cache" in first["Cache-Control"] and "no-cache" in anonymous["Cache-Control"]


def test_indexing_an_idea_retires_the_kept_pages():
    """The search index is updated after the write committed (and retired the pages): pages kept in between
    would not find the idea until they expired."""
    from ideabank.pagecache import store
    from search import indexing
    from search.models import SearchEntry

    idea = IdeaFactory(title="Ny idé i indekset")
    before = store.generation()

    indexing.update_entry.call(SearchEntry.Kind.IDEA, idea.pk)

    assert store.generation() > before
