"""manage.py search_reindex: the database index, a fresh Elasticsearch index behind an alias, and --pending."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ideabank.ideas.models import Idea
from search import backends, indexing, service
from search.backends.database import DatabaseBackend
from search.models import SearchEntry, SearchTerm
from tests.factories import IdeaFactory, make_method
from tests.search.conftest import CLOSED_PORT_URL

pytestmark = pytest.mark.django_db


def reindex(*args):
    out = StringIO()
    call_command("search_reindex", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def ideas(settings, index_prefix, staff):
    settings.ELASTICSEARCH_URL = ""
    published = [IdeaFactory(author=staff, title=f"Natcafé nummer {n}", tags=["natcafé"]) for n in range(5)]
    archived = IdeaFactory(author=staff, title="Arkiveret natcafé", status=Idea.Status.ARCHIVED)
    draft = IdeaFactory(author=staff, title="Natcafé i kladde", status=Idea.Status.DRAFT)
    return {"published": published, "archived": archived, "draft": draft}


def entry_ids(kind="idea"):
    return set(SearchEntry.objects.filter(kind=kind).values_list("object_id", flat=True))


@pytest.fixture
def methods(settings, index_prefix):
    settings.ELASTICSEARCH_URL = ""
    live = [make_method(title=f"Tegnsprogsmentor nummer {n}") for n in range(3)]
    draft = make_method(live=False, title="Tegnsprogsmentor i kladde")
    return {"live": live, "draft": draft}


# ---- the database ----------------------------------------------------------------------------


def test_it_rebuilds_the_database_index(ideas):
    SearchEntry.objects.all().delete()
    SearchTerm.objects.all().delete()
    stale = DatabaseBackend().store("idea", ideas["draft"].pk, {"title": "natcafé"})  # left from its past
    assert service.idea_ids_matching("natcafé") == [stale.object_id]

    output = reindex("--chunk-size", "2")

    public = {idea.pk for idea in ideas["published"]} | {ideas["archived"].pk}
    assert entry_ids() == public
    assert set(service.idea_ids_matching("natcafé")) == public
    assert service.idea_ids_matching("natcfe")  # the typo vocabulary is back too
    assert "Genopbygger søgeindekset i databasen" in output
    assert "6/6 (100%" in output
    assert "6 idéer indekseret i databasen" in output


def test_it_rebuilds_the_methods_too(ideas, methods):
    SearchEntry.objects.all().delete()
    DatabaseBackend().store("method", methods["draft"].pk, {"title": "tegnsprogsmentor"})  # stale

    output = reindex("--chunk-size", "2")

    assert entry_ids("method") == {method.pk for method in methods["live"]}
    assert {pk for pk, _score in service.rank("method", "tegnsprogsmentor")} == entry_ids("method")
    assert "Metoder: [" in output and "3/3 (100%" in output
    assert "6 idéer indekseret i databasen" in output
    assert "3 metoder indekseret i databasen" in output


def test_methods_published_without_signals_can_be_indexed_in_bulk(methods):
    SearchEntry.objects.filter(kind="method").delete()
    indexing.index_objects("method", [method.pk for method in methods["live"]] + [methods["draft"].pk])
    assert entry_ids("method") == {method.pk for method in methods["live"]}


def test_it_is_quiet_with_verbosity_zero(ideas):
    out = StringIO()
    call_command("search_reindex", verbosity=0, stdout=out)
    assert out.getvalue() == ""
    assert len(entry_ids()) == 6


def test_the_progress_bar_redraws_one_line_on_a_terminal(ideas):
    class Terminal(StringIO):
        def isatty(self):
            return True

    out = Terminal()
    call_command("search_reindex", "--chunk-size", "2", stdout=out)
    assert out.getvalue().count("\r") == 3
    assert "[" + "#" * 30 + "] 6/6" in out.getvalue()


def test_a_bad_chunk_size_is_refused(db):
    with pytest.raises(CommandError, match="--chunk-size"):
        reindex("--chunk-size", "0")


def test_pending_needs_elasticsearch(db, settings):
    settings.ELASTICSEARCH_URL = ""
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL"):
        reindex("--pending")


def test_ideas_made_without_signals_can_be_indexed_in_bulk(ideas, staff):
    made = Idea.objects.bulk_create(
        [
            Idea(
                title=f"Bulkidé om tegnsprog {n}",
                problem="p",
                solution="s",
                author=staff,
                organisation=staff.organisation,
                status=Idea.Status.PUBLISHED,
            )
            for n in range(3)
        ]
    )
    assert service.idea_ids_matching("tegnsprog") == []
    indexing.index_objects("idea", [idea.pk for idea in made] + [ideas["draft"].pk])
    assert set(service.idea_ids_matching("tegnsprog")) == {idea.pk for idea in made}
    assert ideas["draft"].pk not in entry_ids()


# ---- Elasticsearch ---------------------------------------------------------------------------


@pytest.fixture
def es(settings, elasticsearch_url, index_prefix):
    from search.backends.elasticsearch import ElasticsearchBackend, client

    settings.SEARCH_REFRESH = True
    backends._down_until.clear()
    backends.reset_fallback()

    class Cluster:
        backend = ElasticsearchBackend()

        def on(self):
            settings.ELASTICSEARCH_URL = elasticsearch_url

        def indices(self):
            return sorted(client().indices.get_alias(name=self.backend.alias("idea")))

        def ids(self, kind="idea"):
            alias = self.backend.alias(kind)
            client().indices.refresh(index=alias)
            hits = client().search(index=alias, size=1000, source=False)["hits"]["hits"]
            return {int(hit["_id"]) for hit in hits}

    cluster = Cluster()
    yield cluster
    assert not backends.fell_back(), "Elasticsearch failed during the test; answers came from the database"


def test_it_builds_a_fresh_elasticsearch_index_and_swaps_the_alias(ideas, es):
    es.on()
    es.backend.ensure_index("idea")
    before = es.indices()

    output = reindex("--chunk-size", "4")

    after = es.indices()
    assert len(after) == 1 and after != before  # a new index; the old one is gone
    public = {idea.pk for idea in ideas["published"]} | {ideas["archived"].pk}
    assert es.ids() == public
    assert set(service.idea_ids_matching("natcafé")) == public
    assert "6 idéer indekseret i databasen og Elasticsearch" in output
    assert not SearchEntry.objects.filter(es_indexed__isnull=True).exists()
    assert indexing.pending("idea") == []


def test_methods_get_a_fresh_elasticsearch_index_of_their_own(ideas, methods, es):
    es.on()

    output = reindex()

    assert es.ids("method") == {method.pk for method in methods["live"]}
    assert es.backend.alias("method").endswith("-methods")
    assert {pk for pk, _score in es.backend.match("method", "tegnsprogsmentor")} == es.ids("method")
    assert "3 metoder indekseret i databasen og Elasticsearch" in output
    assert indexing.pending("method") == []


def test_pending_sends_methods_saved_while_elasticsearch_was_down(ideas, methods, es, settings):
    es.on()
    reindex()
    settings.ELASTICSEARCH_URL = CLOSED_PORT_URL
    late = make_method(title="Sen tegnsprogsmentor")
    assert indexing.pending("method") == [late.pk]

    es.on()
    output = reindex("--pending")

    assert "1 metode sendt til Elasticsearch" in output
    assert late.pk in es.ids("method")
    assert indexing.pending("method") == []


def test_an_old_index_under_the_alias_name_is_replaced(ideas, es):
    from search.backends.elasticsearch import client

    es.on()
    alias = es.backend.alias("idea")
    for index in client().indices.get(index=f"{alias}*"):
        client().indices.delete(index=index)
    client().indices.create(index=alias)  # the layout before aliases: a concrete index by that name

    reindex()

    assert es.indices() != [alias] and len(es.indices()) == 1
    assert len(es.ids()) == 6


def test_pending_sends_only_what_elasticsearch_has_not_taken(ideas, es, settings, staff):
    es.on()
    reindex()
    settings.ELASTICSEARCH_URL = CLOSED_PORT_URL  # down while two ideas are saved
    late = [IdeaFactory(author=staff, title=f"Sen natcafé {n}") for n in range(2)]
    assert set(indexing.pending("idea")) == {idea.pk for idea in late}

    es.on()
    output = reindex("--pending")

    assert "2 idéer sendt til Elasticsearch" in output
    assert {idea.pk for idea in late} <= es.ids()
    assert indexing.pending("idea") == []
    assert reindex("--pending").count("0 idéer sendt") == 1


def test_changes_made_while_rebuilding_are_not_lost(ideas, es):
    es.on()
    es.backend.ensure_index("idea")
    first = ideas["published"][0]

    def edit_after_first_chunk(done, total):
        if done == 1:
            first.title = "Omdøbt til tegnsprogscafé"
            first.save()  # indexed at once, into the index that is about to be replaced

    indexing.rebuild("idea", progress=edit_after_first_chunk, chunk_size=1)

    assert es.backend.match("idea", "tegnsprogscafé") and service.idea_ids_matching("tegnsprogscafé") == [first.pk]


def test_with_elasticsearch_down_the_rebuild_fails_clearly(ideas, settings):
    settings.ELASTICSEARCH_URL = CLOSED_PORT_URL
    with pytest.raises(CommandError, match="Søgeindekset blev ikke færdigt"):
        reindex()


def test_with_elasticsearch_down_the_database_can_be_rebuilt_alone(ideas, settings):
    settings.ELASTICSEARCH_URL = CLOSED_PORT_URL
    SearchEntry.objects.all().delete()

    output = reindex("--database-only")

    assert "6 idéer indekseret i databasen" in output
    assert len(entry_ids()) == 6
    assert len(indexing.pending("idea")) == 6  # for --pending once the cluster is back
