"""The search page (/soeg/), header suggestions (/soeg/forslag/), similar ideas (/soeg/lignende/) and
the `{% similar_ideas %}` tag. The backends' behaviour is the contract suite's job; these run on the database."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from ideabank.ideas.models import Idea
from search import backends
from tests.factories import IdeaFactory
from tests.search.conftest import CLOSED_PORT_URL, SearchBackend

URL = "/soeg/"


@pytest.fixture
def backend(settings, index_prefix, db):
    settings.ELASTICSEARCH_URL = ""
    return SearchBackend("database", settings)


def page(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return response.content.decode()


def result_titles(response):
    return [hit.object.title for hit in response.context["hits"]]


def test_the_page_is_mounted_under_a_name():
    assert reverse("search:search") == URL
    assert reverse("search:suggestions") == "/soeg/forslag/"
    assert reverse("search:similar") == "/soeg/lignende/"


def test_the_search_form_is_a_labelled_search_landmark(client, db):
    html = page(client)
    assert 'role="search"' in html
    assert '<label class="form-label" for="search-q">' in html
    assert 'id="search-q" name="q"' in html
    assert 'role="status" aria-live="polite"' in html


def test_results_have_highlighted_titles_and_snippets(client, corpus):
    response = client.get(URL, {"q": "hjemløse"})
    html = response.content.decode()

    assert set(result_titles(response)) == {"Natcafé for hjemløse", "Natåbent værested for gadens folk"}
    assert "Natcafé for <mark>hjemløse</mark>" in html
    assert "<mark>Hjemløse</mark> borgere har intet varmt sted" in html
    assert "<mark>hjemløshed</mark>" in html
    assert "2 resultater matcher “hjemløse”" in html
    assert "<title>2 resultater for “hjemløse”" in html
    assert "2 idéer matcher “hjemløse”" in page(client, q="hjemløse", type="idea")


def test_a_typo_is_highlighted_as_what_it_found(client, corpus):
    html = page(client, q="alkhol")
    assert "<mark>Alkoholbehandling</mark> i weekenden" in html


def test_relevance_is_the_default_sort_and_only_offered_with_a_query(client, corpus):
    response = client.get(URL, {"q": "lektiecafé"})
    assert response.context["filters"].sort == "relevance"
    assert result_titles(response)[0] == "Lektiecafé på biblioteket"
    assert '<option value="relevance" selected>' in response.content.decode()

    assert 'value="relevance"' not in page(client)


def test_sorts_apply(client, corpus):
    Idea.objects.filter(pk=corpus["telefonven"].pk).update(vote_count=50)
    response = client.get(URL, {"q": "frivillige", "sort": "votes"})
    assert result_titles(response)[0] == "Telefonven til ensomme unge"


def test_without_a_query_every_public_idea_is_listed_newest_first(client, corpus):
    response = client.get(URL)
    titles = result_titles(response)
    assert titles[0] == "Natåbent værested for gadens folk"
    assert len(titles) == 12
    assert "Hjemløse kladde" not in titles


def test_facets_count_within_the_query_and_the_other_filters(client, corpus):
    response = client.get(URL, {"q": "frivillige", "tag": "natcafe"})
    html = response.content.decode()

    assert set(result_titles(response)) == {"Natcafé for hjemløse", "Natåbent værested for gadens folk"}
    groups = {group["name"]: group for group in response.context["facet_groups"]}
    assert {row["label"]: row["count"] for row in groups["tag"]["rows"]} == {
        "natcafé": 2,
        "frivillige": 1,
        "værested": 1,
    }
    assert groups["tag"]["active"] == "natcafe"
    # Links keep the query and the other filters, and go back to page one.
    assert 'href="?q=frivillige&amp;tag=frivillige"' in html
    assert 'href="?q=frivillige" class="facet-link facet-active" aria-current="true"' in html
    assert "Valgte filtre" in html


def test_pagination_keeps_the_query(client, backend, staff):
    for n in range(25):
        IdeaFactory(author=staff, title=f"Mentorordning nummer {n}")
    IdeaFactory(author=staff, title="Noget helt andet")

    first = client.get(URL, {"q": "mentor"})
    second = client.get(URL, {"q": "mentor", "page": 2})

    assert len(result_titles(first)) == 20
    assert len(result_titles(second)) == 5
    assert 'href="?q=mentor&amp;page=2"' in first.content.decode()
    assert "side 2 af 2" in second.content.decode()
    assert '<ol class="search-results unstyled-list" start="21">' in second.content.decode()


def test_a_page_beyond_the_end_shows_the_last_page(client, corpus):
    response = client.get(URL, {"q": "hjemløse", "page": 99})
    assert len(result_titles(response)) == 2


def test_nothing_found_gives_advice(client, corpus):
    html = page(client, q="xylofon")
    assert "Vi fandt ingen idéer eller metoder, der matcher din søgning." in html
    assert "0 resultater matcher “xylofon”" in html
    ideas = page(client, q="xylofon", type="idea")
    assert "Vi fandt ingen idéer, der matcher din søgning." in ideas
    assert '<a href="?q=xylofon">Søg i både idéer og metoder.</a>' in ideas


def test_the_type_parameter_is_kept(client, corpus):
    assert len(result_titles(client.get(URL, {"q": "hjemløse", "type": "idea"}))) == 2
    assert len(result_titles(client.get(URL, {"q": "hjemløse", "type": "all"}))) == 2
    assert len(result_titles(client.get(URL, {"q": "hjemløse", "type": "unknown"}))) == 2
    methods = client.get(URL, {"q": "hjemløse", "type": "method"})
    assert result_titles(methods) == []
    assert '<input type="hidden" name="type" value="method">' in methods.content.decode()


# ---- method pages --------------------------------------------------------------------------------


def test_methods_are_results_beside_ideas(client, corpus, methods):
    response = client.get(URL, {"q": "hjemløse"})
    html = response.content.decode()
    cti = methods["cti"]

    assert set(result_titles(response)) == {
        "Natcafé for hjemløse",
        "Natåbent værested for gadens folk",
        "Kritisk tidsintervention efter herberg",
    }
    assert "3 resultater matcher “hjemløse”" in html
    assert f'<a href="{cti.url}">Kritisk tidsintervention efter herberg</a>' in html
    assert f'<article aria-labelledby="result-method-{cti.pk}-title">' in html
    assert '<p class="search-result-type">Metode</p>' in html
    assert '<p class="search-result-type">Idé</p>' in html
    assert "Mange <mark>hjemløse</mark> mister fodfæstet" in html  # the problem's rich text, as plain text
    assert "Dokumenteret metode" in html


def test_the_kind_choice_counts_each_kind_and_marks_the_current_one(client, corpus, methods):
    html = page(client, q="hjemløse", sort="votes", page=1)

    assert '<nav class="search-kinds" aria-label="Vis idéer, metoder eller begge">' in html
    assert (
        '<a href="?q=hjeml%C3%B8se&amp;sort=votes" class="search-kind search-kind-current" aria-current="page">Alle'
        '<span class="sr-only">, 3 resultater</span> <span class="search-kind-count" aria-hidden="true">(3)</span></a>'
    ) in html
    assert '<a href="?q=hjeml%C3%B8se&amp;sort=votes&amp;type=idea" class="search-kind">Idéer' in html
    # Methods have no votes: their choice leaves that sort behind.
    assert '<a href="?q=hjeml%C3%B8se&amp;type=method" class="search-kind">Metoder' in html
    assert '<span class="sr-only">, 2 resultater</span>' in html
    assert '<span class="sr-only">, 1 resultat</span>' in html


def test_the_methods_choice_shows_only_methods_with_their_sorts(client, corpus, methods):
    response = client.get(URL, {"q": "hjemløse", "type": "method"})
    html = response.content.decode()

    assert result_titles(response) == ["Kritisk tidsintervention efter herberg"]
    assert "1 metode matcher “hjemløse”" in html
    assert [key for key, _label in response.context["sorts"]] == ["newest", "relevance"]
    assert '<p class="search-result-type">' not in html  # every result is a method here
    groups = {group["name"] for group in response.context["facet_groups"]}
    assert groups == {"stage", "target_group", "theme", "tag"}


def test_method_facets_filter_the_page(client, corpus, methods):
    response = client.get(URL, {"stage": "evidence"})
    assert result_titles(response) == ["Familierådslagning for plejefamilier"]
    stages = {group["name"]: group for group in response.context["facet_groups"]}["stage"]
    assert stages["active"] == "evidence"
    # Removing every filter keeps the query and the kind.
    html = page(client, q="overgange", type="method", stage="evidence")
    assert '<a href="/soeg/?q=overgange&amp;type=method">Fjern alle filtre</a>' in html


def test_drafts_and_withdrawn_methods_are_not_shown(client, methods, editor):
    client.force_login(editor)
    titles = result_titles(client.get(URL, {"q": "tidsintervention"}))
    assert titles == ["Kritisk tidsintervention efter herberg"]
    assert len(result_titles(client.get(URL, {"type": "method"}))) == 2


def test_the_page_with_methods_stays_within_a_query_budget(client, corpus, methods, django_assert_max_num_queries):
    client.get(URL, {"q": "hjemløse"})  # facets cached
    with django_assert_max_num_queries(22):  # method facets are counted live: 7 of these
        assert client.get(URL, {"q": "hjemløse"}).status_code == 200


def test_user_text_is_escaped_in_results(client, backend, staff):
    IdeaFactory(
        author=staff,
        title="<script>alert(1)</script> natcafé",
        problem='<img src=x onerror="alert(2)"> natcafé',
    )
    html = page(client, q="natcafé")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>natcafé</mark>" in html
    assert "<img src=x" not in html


@pytest.mark.parametrize(
    "q", ['"', "hjemløse AND (", "'; DROP TABLE ideas_idea; --", "x" * 2000, "*", "\x00hjemløse", "💥"]
)
def test_odd_queries_give_a_normal_page(client, corpus, q):
    assert client.get(URL, {"q": q}).status_code == 200


def test_drafts_and_hidden_ideas_are_not_shown(client, corpus):
    titles = result_titles(client.get(URL, {"q": "natcafé"}))
    assert "Hjemløse kladde" not in titles
    assert "Skjult natcafé for hjemløse" not in titles


def test_a_notice_shows_when_elasticsearch_is_down(client, corpus, settings):
    settings.ELASTICSEARCH_URL = CLOSED_PORT_URL
    backends._down_until.clear()

    response = client.get(URL, {"q": "hjemløse"})

    assert response.status_code == 200
    assert len(result_titles(response)) == 2
    assert "Søgningen kører i en enklere udgave" in response.content.decode()


def test_no_notice_when_all_is_well(client, corpus):
    assert "Søgningen kører i en enklere udgave" not in page(client, q="hjemløse")


def test_the_page_is_read_only(client, db):
    assert client.post(URL, {"q": "x"}).status_code == 405


def test_the_page_stays_within_a_query_budget(client, corpus, django_assert_max_num_queries):
    client.get(URL, {"q": "frivillige"})  # facets cached
    with django_assert_max_num_queries(12):
        assert client.get(URL, {"q": "frivillige"}).status_code == 200


# ---- header suggestions ------------------------------------------------------------------------


def test_suggestions_are_a_list_fragment_of_titles(client, corpus):
    response = client.get("/soeg/forslag/", {"q": "natc"})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<li role="option" class="autocomplete-option" data-url="/ideer/{corpus["natcafe"].pk}/">' in html
    assert ">Natcafé for hjemløse</a>" in html
    assert "<html" not in html


def test_suggestions_as_json(client, corpus):
    response = client.get("/soeg/forslag/", {"q": "alko"}, HTTP_ACCEPT="application/json")
    results = response.json()["results"]
    assert {row["title"] for row in results} == {
        "Alkoholbehandling i weekenden",
        "Forebyggelse af alkoholmisbrug hos unge",
    }
    assert set(results[0]) == {"id", "title", "url"}
    assert client.get("/soeg/forslag/", {"q": "alko", "format": "json"}).json()["results"]


def test_at_most_eight_suggestions(client, backend, staff):
    for n in range(10):
        IdeaFactory(author=staff, title=f"Mentorordning nummer {n}")
    assert len(client.get("/soeg/forslag/", {"q": "ment", "format": "json"}).json()["results"]) == 8


@pytest.mark.parametrize("q", ["", "n", "og", "\x00", "x" * 1000])
def test_too_little_or_odd_input_suggests_nothing(client, corpus, q):
    response = client.get("/soeg/forslag/", {"q": q, "format": "json"})
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_the_header_form_submits_to_the_search_page(rf):
    html = Template('{% include "search/header_search.html" %}').render(Context({"request": rf.get("/")}))
    assert 'action="/soeg/"' in html
    assert 'method="get"' in html
    assert 'role="search"' in html
    assert '<label class="form-label sr-only" for="header-search-q">' in html
    assert 'data-autocomplete-url="/soeg/forslag/"' in html


# ---- similar ideas -----------------------------------------------------------------------------


def test_similar_ideas_while_writing(client, corpus):
    response = client.get("/soeg/lignende/", {"title": "Natcafé til hjemløse", "problem": "Hjemløse fryser om natten."})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Findes din idé allerede?" in html
    assert html.index("Natcafé for hjemløse") < html.index("Natåbent værested for gadens folk")
    assert corpus["natcafe"].organisation.name in html
    assert html.count("<li>") <= 5
    assert 'target="_blank" rel="noopener"' in html


def test_similar_ideas_can_leave_the_edited_idea_out(client, corpus):
    natcafe = corpus["natcafe"]
    html = client.get(
        "/soeg/lignende/", {"title": natcafe.title, "problem": natcafe.problem, "exclude": natcafe.pk}
    ).content.decode()
    assert f'href="/ideer/{natcafe.pk}/"' not in html
    assert "Natåbent værested for gadens folk" in html


@pytest.mark.parametrize(
    "params",
    [{}, {"title": "", "problem": ""}, {"title": "og", "problem": ""}, {"title": "xylofon", "problem": "zebra"}],
)
def test_no_similar_ideas_is_an_empty_fragment(client, corpus, params):
    response = client.get("/soeg/lignende/", params)
    assert response.status_code == 200
    assert response.content.decode().strip() == ""


@pytest.mark.parametrize("exclude", ["abc", "-1", "1" * 40, "²"])
def test_a_bad_exclude_is_ignored(client, corpus, exclude):
    response = client.get("/soeg/lignende/", {"title": "Natcafé", "problem": "hjemløse", "exclude": exclude})
    assert response.status_code == 200


def test_the_similar_ideas_tag_renders_on_an_idea_page(corpus):
    natcafe = corpus["natcafe"]
    request = RequestFactory().get(natcafe.get_absolute_url())
    html = Template("{% load search_tags %}{% similar_ideas idea %}").render(
        Context({"idea": natcafe, "request": request})
    )
    assert '<section id="similar-ideas"' in html
    assert "Lignende idéer" in html
    assert "Findes din idé allerede?" not in html
    assert f'href="/ideer/{corpus["varmested"].pk}/"' in html
    assert f'href="/ideer/{natcafe.pk}/"' not in html


def test_the_similar_ideas_tag_says_when_there_are_none(backend, staff):
    lonely = IdeaFactory(author=staff, title="Xylofonundervisning", problem="Zebraer keder sig.")
    html = Template("{% load search_tags %}{% similar_ideas idea %}").render(Context({"idea": lonely}))
    assert "Vi har ikke fundet andre idéer, der ligner denne." in html


def test_result_titles_are_whole_with_the_matched_words_marked():
    from search.service import highlight

    title = "Spørg til ensomhed ved visitation til hjemmepleje – erfaringer fra Thisted Kommune og mange flere"
    marked = highlight(title, "visitation", words=None)
    assert marked.startswith("Spørg til ensomhed")
    assert "<mark>visitation</mark>" in marked
    assert marked.endswith("mange flere")


@pytest.mark.parametrize("page", ["²", "٣", "99999999999999999999999", "-1", "0", "x"])
def test_a_page_number_that_is_no_number_gives_the_first_page(client, corpus, page):
    response = client.get(reverse("search:search"), {"q": "bolig", "page": page})
    assert response.status_code == 200
