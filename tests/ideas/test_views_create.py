"""Posting an idea in the browser (/ideer/ny/): draft, preview, publish, validation, rate limit."""

import pytest
from django.urls import reverse
from taggit.models import Tag

from ideabank.ideas.models import Idea
from ideabank.taxonomy.models import TargetGroup, Theme
from tests.factories import IdeaFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

URL = reverse("ideas:create")
CPR_MESSAGE = "Teksten ser ud til at indeholde et CPR-nummer"


def idea_data(action="publish", **overrides):
    data = {
        "title": "Walk and talk med unge",
        "problem": "Unge udebliver fra samtaler på kontoret.",
        "solution": "Vi holder samtalerne på en gåtur.\nDet giver ro.",
        "context": "Ungeteamet",
        "results": "",
        "tags": "unge, samtaler",
        "action": action,
    }
    data.update(overrides)
    return data


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={URL}"


def test_anonymous_posts_are_sent_to_login_and_store_nothing(client):
    response = client.post(URL, idea_data())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not Idea.objects.exists()


def test_the_form_guides_the_writer(client, staff):
    IdeaFactory(tags=["efterværn"])
    client.force_login(staff)

    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Del en idé</h1>" in html
    assert "Aarhus Kommune" in html  # the organisation, shown but not a field
    assert 'name="organisation"' not in html
    assert '<option value="efterværn">' in html
    assert "Se et eksempel" in html
    assert 'data-maxlength="150"' in html
    assert 'name="action" value="draft" class="button button-secondary">Gem kladde<' in html
    assert 'name="action" value="preview" class="button button-secondary">Forhåndsvis<' in html
    assert 'name="action" value="publish" class="button button-primary">Offentliggør<' in html
    assert "Hvilket konkret problem løser idéen?" in html


def test_publishing_creates_a_published_idea_for_the_users_organisation(client, staff):
    group, theme = TargetGroup.objects.first(), Theme.objects.first()
    client.force_login(staff)

    response = client.post(URL, idea_data(target_groups=[group.pk], themes=[theme.pk], organisation="999"), follow=True)

    idea = Idea.objects.get()
    assert response.redirect_chain == [(f"{idea.get_absolute_url()}?delt=1", 302)]
    assert idea.status == Idea.Status.PUBLISHED
    assert idea.published_at is not None
    assert idea.author == staff
    assert idea.organisation == staff.organisation
    assert list(idea.target_groups.all()) == [group]
    assert list(idea.themes.all()) == [theme]
    assert sorted(idea.tags.names()) == ["samtaler", "unge"]
    assert "Din idé er offentliggjort" in response.content.decode()


def test_saving_a_draft_keeps_it_private(client, staff, colleague):
    client.force_login(staff)

    response = client.post(URL, idea_data(action="draft"), follow=True)

    idea = Idea.objects.get()
    assert idea.status == Idea.Status.DRAFT
    assert idea.published_at is None
    assert "Kladden er gemt" in response.content.decode()
    client.force_login(colleague)
    assert client.get(idea.get_absolute_url()).status_code == 404


def test_with_premoderation_a_published_idea_waits_for_review(client, staff, settings):
    settings.IDEABANK_PREMODERATION = True
    client.force_login(staff)

    response = client.post(URL, idea_data(), follow=True)

    assert Idea.objects.get().status == Idea.Status.PENDING
    assert "venter nu på, at en moderator godkender den" in response.content.decode()


def test_preview_shows_the_idea_and_saves_nothing(client, staff):
    client.force_login(staff)

    response = client.post(URL, idea_data(action="preview", solution="Linje 1\nSe https://example.dk"))

    assert response.status_code == 200
    assert not Idea.objects.exists()
    html = response.content.decode()
    assert "Forhåndsvisning" in html
    assert 'Linje 1<br>Se <a href="https://example.dk" rel="nofollow ugc">' in html
    assert 'value="Walk and talk med unge"' in html  # the form is still filled in


def test_missing_fields_show_the_error_summary_and_store_nothing(client, staff):
    client.force_login(staff)

    response = client.post(URL, idea_data(title="", problem=""))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Der er fejl i formularen" in html
    assert '<a href="#id_title">Titel: Giv idéen en titel.</a>' in html
    assert '<a href="#id_problem">Problem: Beskriv det problem, idéen løser.</a>' in html
    assert 'aria-invalid="true"' in html
    assert not Idea.objects.exists()


def test_a_cpr_number_is_refused_with_the_field_named(client, staff):
    client.force_login(staff)

    response = client.post(URL, idea_data(solution="Vi hjalp 010190-1234 med at flytte."))

    html = response.content.decode()
    assert f'<a href="#id_solution">Løsning: {CPR_MESSAGE}' in html
    assert not Idea.objects.exists()


def test_a_cpr_number_in_a_tag_is_refused_on_the_tags_field(client, staff):
    client.force_login(staff)

    response = client.post(URL, idea_data(tags="unge, 0101901234"))

    html = response.content.decode()
    assert f'<a href="#id_tags">Emneord: {CPR_MESSAGE}' in html
    assert not Idea.objects.exists()
    assert not Tag.objects.filter(name="0101901234").exists()


def test_control_characters_are_refused(client, staff):
    client.force_login(staff)
    response = client.post(URL, idea_data(problem="Klokke\x07"))
    assert "Problem: Teksten indeholder usynlige kontroltegn" in response.content.decode()
    assert not Idea.objects.exists()


def test_tags_are_case_insensitive(client, staff):
    IdeaFactory(tags=["Unge"])
    client.force_login(staff)

    client.post(URL, idea_data(tags="unge, UNGE, Samtaler"))

    idea = Idea.objects.latest("created")
    assert sorted(idea.tags.names()) == ["Samtaler", "Unge"]
    assert Tag.objects.filter(name__iexact="unge").count() == 1


def test_posting_is_rate_limited(client, staff, settings):
    settings.IDEABANK_RATE_LIMITS = {**settings.IDEABANK_RATE_LIMITS, "idea": "1/h"}
    client.force_login(staff)

    assert client.post(URL, idea_data()).status_code == 302
    response = client.post(URL, idea_data(title="Endnu en idé"))

    assert response.status_code == 429
    assert Idea.objects.count() == 1


def test_previews_are_not_rate_limited(client, staff, settings):
    settings.IDEABANK_RATE_LIMITS = {**settings.IDEABANK_RATE_LIMITS, "idea": "1/h"}
    client.force_login(staff)

    for _ in range(3):
        assert client.post(URL, idea_data(action="preview")).status_code == 200
    assert client.post(URL, idea_data()).status_code == 302


def test_a_user_without_an_organisation_is_refused(client, db):
    from tests.factories import UserFactory

    loner = UserFactory(organisation=None)
    client.force_login(loner)

    response = client.post(URL, idea_data())

    assert response.status_code == 403
    assert "organisation" in response.content.decode()
    assert not Idea.objects.exists()


def test_an_organisation_member_of_an_ngo_posts_for_the_ngo(client):
    from tests.factories import UserFactory

    ngo = OrganisationFactory(name="Kirkens Korshær")
    member = UserFactory(organisation=ngo)
    client.force_login(member)

    client.post(URL, idea_data())

    assert Idea.objects.get().organisation == ngo
