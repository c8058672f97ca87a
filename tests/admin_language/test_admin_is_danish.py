"""A Danish editor meets no English in the admin (issue #17): every page an editor or moderator works on is
rendered as a Danish editor, and its visible text is compared with the English message ids of the apps'
catalogues (tests/admin_language/english.py) — so a new Wagtail string without Danish fails here by itself."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from ideabank.ideas import services as ideas
from ideabank.ideas.models import Report
from ideabank.methods import services as methods
from ideabank.methods.models import ResearchItem
from tests.admin_language.english import english_in, messages
from tests.factories import IdeaFactory, UserFactory, full_scores, make_method, method_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def workplace(editor, staff):
    """What an editor's admin holds on a working day: a queued idea that has been assessed, a promoted draft in
    review, a published method, a research item and an open report."""
    idea = IdeaFactory(title="Walk and talk med unge")
    methods.pin(editor, idea)
    methods.assess(editor, idea, scores=full_scores(2), conclusion="promising")
    promoted = IdeaFactory(title="Madklub mod ensomhed")
    draft, _created = methods.promote(editor, promoted)
    workflow = draft.get_workflow()
    workflow.start(draft, editor)
    published = make_method(title="Housing First i Aarhus", user=editor)
    ResearchItem.objects.create(title="Effekter af Housing First", authors="Benjamin, A.", year=2021, design="rct")
    ideas.report_content(UserFactory(), reason=Report.Reason.SPAM, idea=IdeaFactory(title="Anmeldt idé"))
    return {"idea": idea, "promoted": promoted, "draft": draft, "method": published}


def admin_pages(workplace):
    index = method_index()
    draft, method, idea = workplace["draft"], workplace["method"], workplace["idea"]
    return {
        "kontrolpanel": reverse("wagtailadmin_home"),
        "sidestruktur": reverse("wagtailadmin_explore", args=[index.pk]),
        "sidestruktur, roden": reverse("wagtailadmin_explore", args=[Page.get_first_root_node().pk]),
        "metoderedigering (kladde i arbejdsgang)": reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        "metoderedigering (udgivet)": reverse("wagtailadmin_pages:edit", args=[method.pk]),
        "ny metode": reverse("wagtailadmin_pages:add", args=["methods", "methodpage", index.pk]),
        "sidehistorik": reverse("wagtailadmin_pages:history", args=[method.pk]),
        "sidesøgning": reverse("wagtailadmin_pages:search") + "?q=metode",
        "forskningsbibliotek": reverse("wagtailsnippets_methods_researchitem:list"),
        "målgrupper": reverse("wagtailsnippets_taxonomy_targetgroup:list"),
        "anmeldelser": reverse("moderation_reports:index"),
        "moderation af idéer": reverse("moderation_ideas:index"),
        "eskaleringskø": reverse("methods_admin:queue"),
        "vurdering": reverse("methods_admin:assess_idea", args=[idea.pk]),
        "løft til metode": reverse("methods_admin:promote", args=[idea.pk]),
        "arbejdsgange": reverse("wagtailadmin_reports:workflow"),
        "opgaver i arbejdsgange": reverse("wagtailadmin_reports:workflow_tasks"),
        "låste sider": reverse("wagtailadmin_reports:locked_pages"),
        "webstedets historik": reverse("wagtailadmin_reports:site_history"),
        "gamle sider": reverse("wagtailadmin_reports:aging_pages"),
        "konto": reverse("wagtailadmin_account"),
    }


ADMINISTRATOR_PAGES = {
    "billeder": "wagtailimages:index",
    "dokumenter": "wagtaildocs:index",
    "brugere": "wagtailusers_users:index",
    "grupper": "wagtailusers_groups:index",
    "arbejdsgange": "wagtailadmin_workflows:index",
    "opgaver": "wagtailadmin_workflows:task_index",
    "websteder": "wagtailsites:index",
    "omdirigeringer": "wagtailredirects:index",
    "samlinger": "wagtailadmin_collections:index",
}


def english_on(client, pages):
    """[problem] for every piece of English on the given {name: url} pages, which must all render."""
    problems = []
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, f"{name} ({url}): {response.status_code}"
        html = response.content.decode()
        assert '<html lang="da"' in html, name
        problems += [f"{name}: {text!r} (msgid {msgid!r})" for text, msgid in english_in(html)]
    return problems


def test_the_yardstick_holds_the_admin_apps_english():
    ids = {message.msgid for message in messages()}

    assert {"Pages", "Search all pages…", "Reports", "Help", "Collapse all", "Editing %(page_type)s"} <= ids


def test_the_check_finds_english_when_the_admin_speaks_english(client, verified_login, editor, workplace):
    editor.language = "en"
    editor.save()
    verified_login(client, editor)

    found = dict(english_in(client.get(reverse("methods_admin:queue")).content.decode()))

    assert "Dashboard" in found or "Pages" in found
    assert found, "an English admin must be caught"


def test_every_admin_page_an_editor_uses_is_danish(client, verified_login, editor, workplace):
    verified_login(client, editor)

    problems = english_on(client, admin_pages(workplace))

    assert not problems, "English in the Danish admin:\n" + "\n".join(problems)


def test_the_moderator_pages_are_danish(client, verified_login, moderator, workplace):
    verified_login(client, moderator)
    pages = {
        name: reverse(view)
        for name, view in (
            ("kontrolpanel", "wagtailadmin_home"),
            ("anmeldelser", "moderation_reports:index"),
            ("moderation af idéer", "moderation_ideas:index"),
            ("konto", "wagtailadmin_account"),
        )
    }

    problems = english_on(client, pages)

    assert not problems, "English in the Danish admin:\n" + "\n".join(problems)


def test_the_administrators_pages_are_danish(client, verified_login, administrator, workplace):
    """Users, groups, images, documents, workflows, sites, redirects and collections: the rest of Wagtail."""
    verified_login(client, administrator)

    problems = english_on(client, {name: reverse(view) for name, view in ADMINISTRATOR_PAGES.items()})

    assert not problems, "English in the Danish admin:\n" + "\n".join(problems)


def test_the_admin_sign_in_page_is_danish(client):
    html = client.get(reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE="da").content.decode()

    assert not english_in(html)
    assert "Adgangskode" in html
