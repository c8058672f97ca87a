"""Review of the shared signed-in page cache (ideabank/pagecache/personal.py): ways a shared page could
carry what belongs to another user, or break for its reader. Each test fails while the problem stands."""

import re

import pytest

from tests.clients import signed_in
from tests.factories import make_method

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def page(client, url):
    answer = client.get(url)
    assert answer.status_code == 200
    return answer.content.decode()


def selected_contact(html):
    """The user id the "Vi bruger metoden" form has chosen as the organisation's contact person."""
    form = html[html.index('class="spread-adopt-form"') :]
    select = form[form.index('name="contact"') : form.index("</select>")]
    return int(re.search(r'<option value="(\d+)" selected>', select)[1])


def test_the_method_pages_adoption_form_chooses_the_reader_not_the_first_colleague(staff, colleague):
    """method_spread's AdoptionForm takes `contact.initial = user.pk` (spread/templatetags/spread.py): the
    shared method page keeps the first colleague as every colleague's pre-chosen contact person."""
    method = make_method(title="Metode uden registreringer")

    for_staff = page(signed_in(staff), method.url)
    for_colleague = page(signed_in(colleague), method.url)

    assert selected_contact(for_staff) == staff.pk
    assert selected_contact(for_colleague) == colleague.pk


# ---- the markers can be forged through a query string -------------------------------------------------
# personal.py trusts that NUL and SOH never occur in a rendered page, but the idea list puts its `q`
# parameter into the page as typed (`value="{{ filters.q }}"`; autoescaping leaves control characters
# alone, and the search analyser drops them before any SQL, so this works on PostgreSQL too). A forged
# hole is kept in the audience's copy and `fill` renders any part with any argument for every reader.


def forged(name, argument):
    return f"/ideer/?q=%00personal:{name}:{argument}%01%00/personal%01"


def test_a_forged_hole_does_not_show_the_title_of_an_unpublished_method(staff):
    secret = make_method(title="Hemmelig metode under udarbejdelse", live=False)
    reader = signed_in(staff)

    page(reader, forged("method_follow", secret.pk))  # rendered, and kept for the audience
    again = page(reader, forged("method_follow", secret.pk))  # the kept copy, filled in

    assert "Hemmelig metode under udarbejdelse" not in again


def test_a_forged_hole_cannot_make_a_shared_page_fail_for_colleagues(staff, colleague):
    link = forged("idea_actions", 987654)
    page(signed_in(staff), link)

    answer = signed_in(colleague).get(link)

    assert answer.status_code == 200
    assert "\x00" not in answer.content.decode()


# ---- a part that cannot be filled in ----------------------------------------------------------------------


def test_a_kept_method_page_whose_method_is_gone_does_not_fail_for_the_next_colleague(staff, colleague, monkeypatch):
    """Between a deletion and the generation moving on (after the deleting request; if Redis cannot be
    reached, not before the page expires) the kept page is still served: its follow button must not 500."""
    from ideabank.pagecache import store

    method = make_method(title="Metode der slettes")
    page(signed_in(staff), method.url)
    url = method.url
    monkeypatch.setattr(store, "bump", lambda: None)  # the window: nothing has retired the kept page yet
    method.delete()

    assert signed_in(colleague).get(url).status_code == 200


# ---- who counts as having ideas of their own: stale after a draft is created ---------------------------


def test_a_draft_created_while_the_user_loads_a_page_is_not_kept_for_colleagues(
    staff, colleague, django_capture_on_commit_callbacks
):
    """ideas/signals.py moves the facets version on in post_save, inside the creating transaction. A request
    of the same user running meanwhile cannot see the new row yet, so has_unlisted_ideas() caches False under
    the *new* version, and nothing moves it on after the commit: for up to FACETS_TTL the user keeps the
    colleagues' audience while their list shows the draft."""
    from django.db import transaction

    from ideabank.caching import current_version
    from ideabank.ideas.models import Idea
    from ideabank.ideas.queries import FACETS_VERSION_KEY
    from tests.factories import IdeaFactory

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        IdeaFactory(author=staff, title="Kladde skrevet i en anden fane", status=Idea.Status.DRAFT)
        # What the concurrent request (another connection, the row not committed) leaves in the cache:
        version = current_version(FACETS_VERSION_KEY)
        from django.core.cache import cache

        cache.set(f"ideas:unlisted:{staff.pk}", (version, False), 300)

    page(signed_in(staff), "/ideer/")
    assert "Kladde skrevet i en anden fane" not in page(signed_in(colleague), "/ideer/")
