"""The public pages: the method catalogue at /metoder/ with its filters, one method's page with everything
it documents and the credit to the ideas behind it, and drafts that nobody outside the admin can read."""

import pytest

from ideabank.methods import services
from ideabank.taxonomy.models import TargetGroup
from tests.factories import IdeaFactory, ResearchItemFactory, full_scores, make_method, method_index

pytestmark = pytest.mark.django_db

INDEX = "/metoder/"


def test_the_catalogue_lives_at_metoder(client):
    assert method_index().url == INDEX
    response = client.get(INDEX)

    assert response.status_code == 200
    assert "Ingen metoder matcher filtrene." in response.content.decode()


def test_the_catalogue_lists_published_methods_only(client):
    make_method(title="Housing First", declaration_effekt="A")
    make_method(title="Kritisk tidsbegrænset indsats")
    make_method(title="Hemmelig kladde", live=False)

    html = client.get(INDEX).content.decode()

    assert "2 metoder" in html
    assert "Housing First" in html and "Kritisk tidsbegrænset indsats" in html
    assert "Hemmelig kladde" not in html
    assert "Viden om effekt: A" in html


def test_editors_also_see_drafts_marked_as_such(signed_in, editor):
    make_method(title="Housing First")
    make_method(title="Familierådslagning", live=False)

    html = signed_in(editor).get(INDEX).content.decode()

    assert "2 metoder" in html
    assert "Familierådslagning" in html
    assert html.count('<span class="badge badge-warning">Kladde</span>') == 1


def test_the_catalogue_filters_by_declaration_level(client):
    make_method(title="Housing First", declaration_effekt="A")
    make_method(title="Peer-mentorer", declaration_effekt="C")

    html = client.get(INDEX, {"effekt": "A"}).content.decode()

    assert "1 metode" in html
    assert "Housing First" in html
    assert "Peer-mentorer" not in html
    assert 'aria-current="true"' in html  # the active facet


def test_the_catalogue_filters_by_target_group_and_stage(client):
    group = TargetGroup.objects.order_by("name").first()
    make_method(title="Housing First", target_groups=[group], declaration_effekt="B")
    make_method(title="IPS-beskæftigelse", target_groups=[group])
    make_method(title="Peer-mentorer")

    by_group = client.get(INDEX, {"target_group": group.slug}).content.decode()
    by_both = client.get(INDEX, {"target_group": group.slug, "stage": "method"}).content.decode()

    assert "2 metoder" in by_group and "Peer-mentorer" not in by_group
    assert "1 metode" in by_both and "IPS-beskæftigelse" in by_both and "Housing First" not in by_both


def test_the_facets_link_to_filtered_lists(client):
    make_method(title="Housing First", declaration_effekt="A")

    html = client.get(INDEX).content.decode()

    assert 'href="?effekt=A"' in html
    assert 'href="?stage=evidence"' in html
    assert "Viden om effekt" in html
    assert "Effektdokumenteret" in html  # the stage facet


def test_sorting_keeps_the_filters(client):
    make_method(title="Housing First", declaration_effekt="A")

    html = client.get(INDEX, {"effekt": "A", "sort": "newest"}).content.decode()

    assert '<option value="newest" selected>' in html
    assert '<input type="hidden" name="effekt" value="A">' in html


def test_a_bad_page_number_shows_the_last_page(client):
    make_method(title="Housing First")

    assert "Housing First" in client.get(INDEX, {"page": "999"}).content.decode()
    assert "Housing First" in client.get(INDEX, {"page": "x"}).content.decode()


# ---- one method ----------------------------------------------------------------------------------


@pytest.fixture
def housing_first(editor, idea, django_capture_on_commit_callbacks):
    """A published method with every part filled in, promoted from `idea` (announced as on a real commit)."""
    research = ResearchItemFactory(
        title="Housing First i Danmark", authors="Benjaminsen, L.", year=2013, design="quasi"
    )
    method = make_method(
        live=False,
        title="Housing First",
        summary="Først en bolig, så støtte.",
        problem="<p>Hjemløse borgere venter længe på en bolig.</p>",
        theory_of_change="<p>En stabil bolig gør behandling mulig.</p>",
        goals="<p>Borgeren bliver boende.</p>",
        resources="<p>En bostøttemedarbejder pr. 10 borgere.</p>",
        description=[
            ("paragraph", "<p>Indsatsen bygger på borgerens valg.</p>"),
            ("step", {"title": "Find en bolig", "body": "<p>Sammen med borgeren.</p>", "duration": "1 måned"}),
            ("step", {"title": "Start bostøtten", "body": "<p>Ugentlige besøg.</p>", "duration": ""}),
            ("role", {"role": "Bostøttemedarbejder", "responsibilities": "<p>Besøger borgeren.</p>"}),
            ("material", {"title": "Samtaleguide", "description": "Til første møde.", "link": ""}),
            ("quote", {"text": "Nu har jeg en nøgle.", "attribution": "Borger i Aarhus"}),
        ],
        research=[research],
        indicators=[{"name": "Andel i egen bolig efter et år", "unit": "procent", "direction": "up"}],
        declaration_effekt="B",
        declaration_effekt_justification="To kvasi-eksperimentelle studier.",
    )
    services.promote(editor, idea, into=method)
    services.assess(editor, method, scores=full_scores(3), conclusion="promising")
    with django_capture_on_commit_callbacks(execute=True):
        method.save_revision().publish()
    method.refresh_from_db()
    return method


def test_the_method_page_shows_what_the_method_documents(client, housing_first):
    response = client.get(housing_first.url)

    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        '<h1 id="method-title">Housing First</h1>',
        "Først en bolig, så støtte.",
        "Hjemløse borgere venter længe på en bolig.",
        "En stabil bolig gør behandling mulig.",
        "Borgeren bliver boende.",
        "En bostøttemedarbejder pr. 10 borgere.",
        "Andel i egen bolig efter et år",
        "Skal gå op",
        "Housing First i Danmark",
        "Benjaminsen, L. (2013)",
        "Kvasi-eksperimentelt studie",
        "To kvasi-eksperimentelle studier.",
        "Konklusion: <strong>Lovende praksis</strong>",
        "Effektdokumenteret",
        "Nu har jeg en nøgle.",
        "Samtaleguide",
        "Bostøttemedarbejder",
    ):
        assert text in html, text


def test_consecutive_steps_form_one_numbered_list(client, housing_first):
    html = client.get(housing_first.url).content.decode()

    assert html.count('<ol class="method-steps">') == 1
    steps = html.split('<ol class="method-steps">')[1].split("</ol>")[0]
    assert steps.index("Find en bolig") < steps.index("Start bostøtten")


def test_the_method_credits_the_ideas_author_and_organisation(client, housing_first, idea):
    html = client.get(housing_first.url).content.decode()

    assert "Idéerne bag metoden" in html
    assert idea.title in html
    assert idea.get_absolute_url() in html
    assert f"Delt af {idea.author.display_name}, {idea.organisation.name}" in html


def test_a_deleted_authors_idea_is_still_credited_to_the_organisation(client, housing_first, idea):
    idea.author.delete()

    html = client.get(housing_first.url).content.decode()

    assert f"Delt af Tidligere medarbejder, {idea.organisation.name}" in html


def test_the_public_sees_no_editor_links(client, housing_first):
    html = client.get(housing_first.url).content.decode()

    assert "Redigér metoden" not in html
    assert "/admin/" not in html


def test_editors_get_links_to_edit_and_assess(signed_in, editor, housing_first):
    html = signed_in(editor).get(housing_first.url).content.decode()

    assert f"/admin/pages/{housing_first.pk}/edit/" in html
    assert f"/admin/knowledge/assess/method/{housing_first.pk}/" in html


def test_a_method_without_declaration_or_assessment_says_so(client):
    method = make_method(title="Ny metode")

    html = client.get(method.url).content.decode()

    assert "Metoden har endnu ingen vidensdeklaration." in html
    assert "Metoden er endnu ikke vurderet." in html
    assert 'class="chart ' not in html


def test_user_text_from_the_idea_is_escaped_on_the_method_page(client, editor):
    idea = IdeaFactory(title="<script>alert(1)</script> bolig", problem="<img src=x onerror=alert(1)>")
    method, _created = services.promote(editor, idea)
    method.save_revision().publish()

    html = client.get(method.url).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; bolig" in html


# ---- drafts --------------------------------------------------------------------------------------


def test_a_draft_method_is_404_for_everyone_outside_the_admin(client, signed_in, editor, staff, idea):
    method, _created = services.promote(editor, idea)

    assert client.get(method.url).status_code == 404
    assert signed_in(staff).get(method.url).status_code == 404


def test_an_unpublished_method_disappears(client):
    method = make_method(title="Housing First")
    assert client.get(method.url).status_code == 200

    method.unpublish()

    assert client.get(method.url).status_code == 404
    assert "Housing First" not in client.get(INDEX).content.decode()


# ---- the idea page points up the ladder ----------------------------------------------------------


def test_the_idea_page_links_to_its_published_method(client, housing_first, idea):
    html = client.get(idea.get_absolute_url()).content.decode()

    assert "Idéen er løftet til metoden <strong>Housing First</strong>." in html
    assert f'href="{housing_first.url}"' in html


def test_the_idea_page_keeps_a_draft_method_to_itself(client, editor, idea):
    services.promote(editor, idea)

    html = client.get(idea.get_absolute_url()).content.decode()

    assert "Fra idé til metode" not in html
