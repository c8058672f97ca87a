"""Every public page and the main staff pages pass axe (WCAG 2.1 A and AA) in real Chromium, with 0 violations.

One test per page, from the PAGES list: to cover a new page, add a `Page(...)` row. `path` is a string or a
function of the `content` fixture (for pages that need an object's id); `as_user` logs in as one of
`content`'s people first. Pages with states worth checking separately (an error summary, say) get a row
with a `prepare` function that drives the page into that state.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from playwright.sync_api import expect

from ideabank.accounts.roles import Role, assign_role
from ideabank.methods import services
from ideabank.notifications.models import Notification, Verb
from ideabank.spread import services as adoptions
from ideabank.taxonomy.models import TargetGroup
from tests.factories import (
    PASSWORD,
    CommentFactory,
    IdeaFactory,
    UserFactory,
    full_scores,
    make_method,
    municipal_organisation,
)


@dataclass(frozen=True)
class Page:
    name: str
    path: str | Callable[[dict], str]
    as_user: str | None = None  # "staff" or "author" (see `content`)
    status: int = 200
    prepare: Callable | None = None  # prepare(page): drive the page into the state to check

    def url(self, content):
        return self.path(content) if callable(self.path) else self.path


def submit_empty(page):
    page.get_by_role("button", name="Offentliggør").click()
    expect(page.get_by_role("alert")).to_be_visible()


def submit_wrong_login(page):
    page.get_by_label("E-mail").fill("anne@aarhus.dk")
    page.get_by_label("Adgangskode").fill("forkert-kode")
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("alert")).to_be_visible()


PAGES = [
    # Public pages
    Page("home", "/"),
    Page("idea-list", "/ideer/"),
    Page("idea-list-filtered", "/ideer/?tag=unge&sort=votes"),
    Page("idea", lambda content: content["idea"].get_absolute_url()),
    Page("search", "/soeg/?q=unge"),
    Page("search-empty", "/soeg/?q=zzzxxyy"),
    Page("login", "/konto/log-ind/"),
    Page("login-error", "/konto/log-ind/", prepare=submit_wrong_login),
    Page("signup", "/konto/opret/"),
    Page("password-reset", "/konto/adgangskode/nulstil/"),
    Page("accessibility-statement", "/tilgaengelighed/"),
    Page("methods", "/metoder/"),
    Page("methods-filtered", "/metoder/?effekt=B"),
    Page("method", lambda content: content["method"].url),
    Page("spread", "/udbredelse/"),
    Page("organisation", lambda content: f"/udbredelse/organisationer/{content['staff'].organisation.slug}/"),
    Page("open-data", "/aabne-data/"),
    Page("not-found", "/findes-ikke/", status=404),
    # Staff pages
    Page("idea-as-staff", lambda content: content["idea"].get_absolute_url(), as_user="staff"),
    Page("own-idea", lambda content: content["idea"].get_absolute_url(), as_user="author"),
    Page("new-idea", "/ideer/ny/", as_user="staff"),
    Page("new-idea-errors", "/ideer/ny/", as_user="staff", prepare=submit_empty),
    Page("edit-idea", lambda content: f"{content['idea'].get_absolute_url()}ret/", as_user="author"),
    Page("profile", "/konto/profil/", as_user="staff"),
    Page("password-change", "/konto/adgangskode/", as_user="staff"),
    Page("delete-account", "/konto/profil/slet-konto/", as_user="staff"),
    Page("notifications", "/notifikationer/", as_user="author"),
    Page("method-as-staff", lambda content: content["method"].url, as_user="staff"),
    Page(
        "register-adoption", lambda content: f"/udbredelse/metoder/{content['method'].pk}/tag-i-brug/", as_user="author"
    ),
]


@pytest.fixture
def content():
    group = TargetGroup.objects.order_by("name").first()
    staff = UserFactory(email="anne@aarhus.dk", display_name="Anne Kjær", organisation=municipal_organisation(751))
    author = UserFactory(email="ole@odense.dk", display_name="Ole Lund", organisation=municipal_organisation(461))
    idea = IdeaFactory(author=author, title="Walk and talk med unge", tags=["unge"], target_groups=[group])
    IdeaFactory(title="Madklub for ensomme ældre", tags=["ensomhed"])
    comment = CommentFactory(idea=idea, author=staff, body="Det vil vi prøve i Aarhus.")
    CommentFactory(idea=idea, author=author, parent=comment, body="Skriv endelig, hvordan det går.")
    Notification.objects.create(recipient=author, verb=Verb.COMMENT_ON_IDEA, actor=staff, idea=idea, comment=comment)
    method = make_method(
        title="Bostøtte efter Housing First",
        target_groups=[group],
        declaration_effekt="B",
        declaration_effekt_justification="To lodtrækningsforsøg viser færre dage uden bolig.",
        indicators=[{"name": "Dage i egen bolig", "unit": "dage", "direction": "up"}],
    )
    services.assess(editor(), method, scores=full_scores(), conclusion="promising")
    adoptions.register(staff, method=method, status="piloting", started=date(2025, 3, 1))
    return {"staff": staff, "author": author, "idea": idea, "method": method}


def editor():
    user = UserFactory(email="redaktoer@vive.dk", display_name="Rie Redaktør")
    assign_role(user, Role.REDAKTOER)
    return user


@pytest.mark.parametrize("case", PAGES, ids=lambda case: case.name)
def test_page_passes_axe(case, content, page, log_in, assert_accessible):
    if case.as_user:
        log_in(page, content[case.as_user].email, PASSWORD)
        assert "/konto/log-ind/" not in page.url, "the login did not succeed"

    response = page.goto(case.url(content))

    assert response.status == case.status
    page.wait_for_load_state("networkidle")
    if case.prepare:
        case.prepare(page)
    assert_accessible(page)
