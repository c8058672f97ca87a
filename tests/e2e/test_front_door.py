"""The four daily journeys of a frontline worker (#16), at 1280 px and on a 390 px phone, each page checked
with axe and saved as a screenshot under var/screenshots/ (not committed):

1. a visitor reads the home page and searches;
2. staff starts posting an idea with the keyboard only, is offered an existing one while typing the title,
   supports it instead, then posts their own, votes, comments and follows;
3. staff registers from a method page that their organisation uses the method;
4. staff reads their notifications from the bell.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from ideabank.ideas.models import Follow, Idea, Vote
from ideabank.notifications.models import Notification, Verb
from ideabank.spread.models import Adoption
from tests.e2e.test_keyboard import log_in_with_keyboard, tab_to, type_into
from tests.factories import PASSWORD, CommentFactory, IdeaFactory, UserFactory, make_method, municipal_organisation

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


@pytest.fixture(params=list(WIDTHS))
def width(request):
    return request.param


@pytest.fixture
def sized_page(new_page, width):
    page = new_page()
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    return page


@pytest.fixture
def step(width, assert_accessible, request):
    """Check a journey step with axe and save its screenshot."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    journey = request.node.originalname.removeprefix("test_")

    def take(page, name):
        assert_accessible(page)
        page.screenshot(path=SCREENSHOTS / f"{journey}-{name}-{width}.png", full_page=True)

    return take


def anne():
    return UserFactory(email="anne@aarhus.dk", display_name="Anne Kjær", organisation=municipal_organisation(751))


def test_visitor_reads_and_searches(sized_page, step, width):
    page = sized_page
    IdeaFactory(title="Natcafé for hjemløse om vinteren", tags=["natcafé"])
    busy = IdeaFactory(title="Gåture i stedet for kontorsamtaler")
    for voter in UserFactory.create_batch(3):
        Vote.objects.create(user=voter, idea=busy)
    make_method(title="Housing First med intensiv bostøtte", declaration_effekt="B")

    page.goto("/")
    trending = page.locator(".home-trending li")
    expect(trending.first).to_contain_text("Gåture i stedet for kontorsamtaler")
    expect(page.get_by_role("link", name="Del en idé").first).to_be_visible()
    expect(page.locator(".home-methods")).to_contain_text("Housing First med intensiv bostøtte")
    expect(page.locator(".home-methods")).to_contain_text("Effekt B")
    step(page, "home")

    if width == "phone":
        page.get_by_role("button", name="Menu").click()
        page.get_by_role("dialog").get_by_role("link", name="Idéer").click()
    else:
        page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Idéer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Idéer")
    step(page, "list")

    page.goto("/soeg/?q=natcafé")
    title = page.locator(".search-result-title").first
    expect(title).to_have_text("Natcafé for hjemløse om vinteren")
    expect(title.locator("mark")).to_have_text("Natcafé")
    step(page, "search")


def test_staff_posts_an_idea_and_is_offered_an_existing_one(sized_page, new_page, step, width):
    page = sized_page
    anne()
    existing = IdeaFactory(
        title="Walk and talk-samtaler med unge",
        problem="Unge udebliver fra samtaler på kontoret.",
        author=UserFactory(organisation=municipal_organisation(461)),
    )
    log_in_with_keyboard(page, "anne@aarhus.dk")

    # Keyboard only: the suggestion appears right after the title while it is typed.
    page.goto("/ideer/ny/")
    title = page.get_by_label("Titel", exact=True)
    type_into(page, title, "Walk and talk samtaler")
    suggestions = page.locator("#similar-ideas")
    expect(suggestions).to_contain_text("Findes din idé allerede?")
    expect(suggestions).to_contain_text("Walk and talk-samtaler med unge")
    step(page, "suggestion")

    support = suggestions.get_by_role("button", name="Støt denne idé i stedet")
    tab_to(page, support)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/ideer/{existing.pk}/$"))
    expect(page.get_by_text("Tak! Du støtter nu idéen")).to_be_visible()
    assert Vote.objects.filter(idea=existing, user__email="anne@aarhus.dk").exists()
    assert Follow.objects.filter(idea=existing, user__email="anne@aarhus.dk").exists()
    assert not Idea.objects.filter(author__email="anne@aarhus.dk").exists()
    step(page, "supported")

    # A different idea of her own: posted with the keyboard, then "Hvad nu?".
    page.goto("/ideer/ny/")
    type_into(page, page.get_by_label("Titel", exact=True), "Fast kontaktperson efter anbringelse")
    type_into(page, page.get_by_label("Problem", exact=True), "Unge mister alle voksne på én gang.")
    type_into(page, page.get_by_label("Løsning", exact=True), "Hver ung vælger en fast voksen i to år.")
    tab_to(page, page.get_by_role("button", name="Offentliggør"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Hvad nu?")).to_be_visible()
    expect(page.get_by_role("link", name="Invitér kolleger pr. e-mail")).to_have_attribute(
        "href", re.compile("^mailto:")
    )
    step(page, "published")

    # A colleague votes, comments and follows.
    colleague = UserFactory(email="ole@odense.dk", organisation=municipal_organisation(461))
    other = new_page()
    other.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    other.goto("/konto/log-ind/")
    other.get_by_label("E-mail").fill(colleague.email)
    other.get_by_label("Adgangskode").fill(PASSWORD)
    other.get_by_role("button", name="Log ind").click()
    other.goto(Idea.objects.get(author__email="anne@aarhus.dk").get_absolute_url())
    other.get_by_role("button", name="Stem på idéen").click()
    expect(other.locator("#vote-count")).to_have_text("1 stemme")
    other.get_by_label("Kommentar", exact=True).fill("Det vil vi prøve i Odense.")
    other.get_by_role("button", name="Send kommentar").click()
    expect(other.get_by_text("Din kommentar er sendt.")).to_be_visible()
    other.locator(".idea-side").get_by_role("button", name=re.compile("^Følg")).click()
    expect(other.locator(".idea-side").get_by_role("button", name=re.compile("^Stop med at følge"))).to_be_visible()
    step(other, "colleague")


def test_staff_registers_that_they_use_a_method(sized_page, log_in, step):
    page = sized_page
    anne()
    method = make_method(title="Familierådslagning", declaration_effekt="B", declaration_metode="A")
    log_in(page, "anne@aarhus.dk", PASSWORD)

    page.goto(method.url)
    expect(page.get_by_role("navigation", name="Indhold")).to_be_visible()
    expect(page.locator(".chart-table")).to_contain_text("B – moderat viden")
    step(page, "method")

    page.locator(".method-actions").get_by_role("link", name="Vi bruger metoden").click()
    page.get_by_label("Afprøver", exact=True).check()
    page.get_by_role("button", name="Registrér brugen").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert Adoption.objects.filter(method=method, organisation=municipal_organisation(751)).exists()
    step(page, "registered")

    page.goto(method.url)
    expect(page.locator(".method-actions")).to_contain_text("Aarhus Kommune bruger metoden")


def test_staff_reads_notifications_from_the_bell(sized_page, log_in, step):
    page = sized_page
    author = anne()
    idea = IdeaFactory(title="Natcafé for hjemløse", author=author)
    colleague = UserFactory(display_name="Ole Lund", organisation=municipal_organisation(461))
    comment = CommentFactory(idea=idea, author=colleague, body="Det vil vi prøve.")
    Notification.objects.create(
        recipient=author, verb=Verb.COMMENT_ON_IDEA, actor=colleague, idea=idea, comment=comment
    )
    log_in(page, "anne@aarhus.dk", PASSWORD)

    page.goto("/")
    bell = page.get_by_role("button", name=re.compile("Notifikationer"))
    expect(bell).to_have_attribute("aria-expanded", "false")
    bell.click()
    panel = page.locator("#bell-panel")
    expect(panel).to_contain_text("Ole Lund har kommenteret din idé »Natcafé for hjemløse«")
    expect(bell).to_have_attribute("aria-expanded", "true")
    step(page, "bell")

    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    bell.click()
    panel.get_by_role("link", name=re.compile("Ole Lund har kommenteret")).click()
    expect(page).to_have_url(re.compile(rf"/ideer/{idea.pk}/#comment-{comment.pk}$"))
    step(page, "comment")
