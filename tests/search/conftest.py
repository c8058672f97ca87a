"""Search fixtures: the `backend` fixture runs a test once on the database and once on a real Elasticsearch;
`corpus` holds the shared ideas and `methods` the shared method pages.

Elasticsearch tests need a node: `ensure_elasticsearch` starts one on 127.0.0.1:9201 (fetched from
Maven Central on the first run). If none can be started the tests fail — they are never skipped,
because a skipped contract test would hide a broken backend.

Test data is written with Elasticsearch switched off (the database index is written at once) and
then bulk-loaded into Elasticsearch by `backend.sync()`; `corpus` does that for the shared ideas.
Each xdist worker gets its own index prefix.
"""

import os
from datetime import timedelta

import pytest
from django.utils import timezone

from ideabank.ideas.models import Idea
from ideabank.taxonomy.models import TargetGroup, Theme
from search import backends, indexing
from search.models import SearchEntry
from tests.es_server import ElasticsearchUnavailable, ensure_elasticsearch
from tests.factories import IdeaFactory, ResearchItemFactory, make_method

ES_PORT = int(os.environ.get("SEARCH_TEST_ES_PORT", "9201"))  # another node: e.g. one with a newer shim
CLOSED_PORT_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
FRESH = set()


@pytest.fixture(scope="session")
def elasticsearch_url():
    try:
        return ensure_elasticsearch(ES_PORT)
    except ElasticsearchUnavailable as error:
        pytest.fail(
            f"These tests need Elasticsearch on 127.0.0.1:{ES_PORT} and it could not be started "
            f"(scripts/elasticsearch.sh start {ES_PORT}):\n{error}",
            pytrace=False,
        )


@pytest.fixture
def index_prefix(settings):
    # xdist names its workers gw0, gw1 …; without xdist (`-p no:xdist`) there is one process.
    settings.SEARCH_INDEX_PREFIX = f"test-{os.environ.get('PYTEST_XDIST_WORKER', 'master')}"
    return settings.SEARCH_INDEX_PREFIX


class SearchBackend:
    """The backend a contract test runs on; `sync()` makes the database's ideas searchable in it."""

    def __init__(self, name, settings, url="", fresh_index=False):
        self.name = name
        self.fresh_index = fresh_index
        self.settings = settings
        self.url = url

    def __repr__(self):
        return self.name

    def sync(self):
        if self.name != "elasticsearch":
            return
        from elasticsearch.helpers import bulk

        from search.backends.elasticsearch import ElasticsearchBackend, client

        self.settings.ELASTICSEARCH_URL = self.url
        for kind in SearchEntry.Kind.values:
            alias = ElasticsearchBackend().ensure_index(kind, recreate=self.fresh_index)
            # Left over from an earlier test (the minimal distribution has no _delete_by_query).
            hits = client().search(index=alias, size=10_000, source=False)["hits"]["hits"]
            bulk(client(), ({"_op_type": "delete", "_index": alias, "_id": hit["_id"]} for hit in hits), refresh=True)
            ids = list(indexing.searchable(kind).values_list("pk", flat=True))
            indexing.send_to_elasticsearch(kind, ids)
        self.fresh_index = False
        backends.reset_fallback()


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, settings, index_prefix, db):
    settings.ELASTICSEARCH_URL = ""
    if request.param == "database":
        yield SearchBackend("database", settings)
        return
    url = request.getfixturevalue("elasticsearch_url")
    backends._down_until.clear()
    settings.SEARCH_REFRESH = True  # later saves in a test are searchable at once
    backends.reset_fallback()
    # The index is made afresh once per session (its mapping may have changed since the last run).
    chosen = SearchBackend("elasticsearch", settings, url, fresh_index=url not in FRESH)
    FRESH.add(url)
    yield chosen
    if backends.fell_back():
        pytest.fail("Elasticsearch failed during the test and the answers came from the database (see the log)")


def idea(author, title, problem, solution, *, tags=(), target_groups=(), themes=(), days_ago=0, **extra):
    when = timezone.now() - timedelta(days=days_ago)
    created = IdeaFactory(
        author=author,
        title=title,
        problem=problem,
        solution=solution,
        context="",
        tags=list(tags),
        target_groups=[TargetGroup.objects.get(slug=slug) for slug in target_groups],
        themes=[Theme.objects.get(slug=slug) for slug in themes],
        published_at=when,
        **extra,
    )
    return created


@pytest.fixture
def corpus(backend, staff, outsider):
    """A small Danish collection, each idea there for one of the contract's promises."""
    ideas = {
        "natcafe": idea(
            staff,
            "Natcafé for hjemløse",
            "Hjemløse borgere har intet varmt sted at være om natten, når herbergerne er fulde.",
            "Frivillige holder en natcafé åben med kaffe, suppe og samtale fra klokken 22 til 6.",
            tags=["natcafé", "frivillige"],
            themes=["frivillighed-og-civilsamfund"],
            days_ago=3,
        ),
        "varmested": idea(
            outsider,
            "Natåbent værested for gadens folk",
            "Mennesker i hjemløshed søger varme om natten og ender på gaden.",
            "Et værested med natcafé, frivillige og en sygeplejerske, der er åbent hele natten.",
            tags=["natcafé", "værested"],
            themes=["frivillighed-og-civilsamfund"],
            days_ago=2,
        ),
        "plejefamilie": idea(
            staff,
            "Fast mentor til hver ny plejefamilie",
            "Nye plejeforældre føler sig alene med svære spørgsmål.",
            "En erfaren plejemor er mentor det første år.",
            tags=["anbringelse"],
            days_ago=10,
        ),
        "gaaklub": idea(
            staff,
            "Gåklub mod ensomhed blandt ældre",
            "Mange ældre sidder alene hjemme hele ugen.",
            "En ugentlig gåtur med kaffe bagefter i det lokale aktivitetshus.",
            tags=["fællesskab"],
            days_ago=11,
        ),
        "telefonven": idea(
            outsider,
            "Telefonven til ensomme unge",
            "Unge, der føler sig ensomme, ringer sjældent efter hjælp.",
            "Frivillige telefonvenner ringer op hver uge på et fast tidspunkt.",
            days_ago=12,
        ),
        "alkoholbehandling": idea(
            staff,
            "Alkoholbehandling i weekenden",
            "Borgere i job kan ikke komme i behandling i dagtimerne.",
            "Behandlingscentret holder åbent lørdag og søndag.",
            days_ago=20,
        ),
        "alkoholmisbrug": idea(
            outsider,
            "Forebyggelse af alkoholmisbrug hos unge",
            "Unge drikker tidligt og meget.",
            "Samtaler i skolen med en rusmiddelkonsulent.",
            days_ago=21,
        ),
        "tegnsprog": idea(
            staff,
            "Tegnsprogstolk via video i borgerservice",
            "Døve borgere venter længe på at få en tolk til et møde.",
            "Borgerservice bruger videotolkning, så mødet kan holdes samme dag.",
            days_ago=22,
        ),
        "lektiecafe_title": idea(
            staff,
            "Lektiecafé på biblioteket",
            "Børn fra udsatte familier får ikke hjælp til lektier derhjemme.",
            "Frivillige studerende hjælper børnene to eftermiddage om ugen.",
            days_ago=30,
        ),
        "lektiecafe_body": idea(
            outsider,
            "Studerende som lektiehjælpere i boligområdet",
            "Mange børn mangler støtte efter skole.",
            "Vi åbnede en lektiecafé i boligområdets fælleshus, hvor frivillige studerende hjælper.",
            days_ago=31,
        ),
        "botilbud_tag": idea(
            staff,
            "Hjælp til boligsøgning",
            "Borgere med psykiske lidelser mangler en bolig, de kan fastholde.",
            "En bostøttemedarbejder går med til fremvisninger og hjælper med ansøgningen.",
            tags=["botilbud"],
            days_ago=40,
        ),
        "botilbud_problem": idea(
            outsider,
            "Overgang fra herberg til egen bolig",
            "Efter et ophold på botilbud mangler mange støtte i egen bolig.",
            "En fast kontaktperson følger borgeren det første halve år.",
            days_ago=41,
        ),
    }
    # Never found by those who may not see them.
    ideas["draft"] = idea(
        staff, "Hjemløse kladde", "Hjemløse om natten.", "Natcafé i kladde.", status=Idea.Status.DRAFT
    )
    ideas["hidden"] = idea(
        staff, "Skjult natcafé for hjemløse", "Hjemløse om natten.", "Natcafé.", status=Idea.Status.HIDDEN
    )
    backend.sync()
    return ideas


def method(title, summary, *, problem="", description=(), target_groups=(), themes=(), research=(), **fields):
    """A published method page (through a revision, as editors publish), indexed by the page_published signal."""
    return make_method(
        title=title,
        summary=summary,
        problem=problem,
        description=list(description),
        target_groups=[TargetGroup.objects.get(slug=slug) for slug in target_groups],
        themes=[Theme.objects.get(slug=slug) for slug in themes],
        research=[ResearchItemFactory(title=name) for name in research],
        **fields,
    )


@pytest.fixture
def methods(backend):
    """Method pages, each there for one promise: found by title, description, synonym, research; drafts never."""
    pages = {
        "cti": method(
            "Kritisk tidsintervention efter herberg",
            "En fast støtteperson følger borgeren i ni måneder efter flytningen til egen bolig.",
            problem="<p>Mange <b>hjemløse</b> mister fodfæstet, når de flytter fra herberg til egen bolig.</p>",
            description=[
                (
                    "step",
                    {
                        "title": "Før flytningen",
                        "body": "<p>Støttepersonen holder <i>netværksmøderne</i> sammen med borgeren.</p>",
                        "duration": "4 uger",
                    },
                ),
                ("quote", {"text": "Jeg vidste altid, hvem jeg kunne ringe til.", "attribution": "Borger i Aarhus"}),
            ],
            tags=["overgange"],
            theory_of_change="<p>Kontinuitet i relationen forebygger nye udsættelser.</p>",
            goals="<p>Færre genindlæggelser og færre børn i plejefamilier.</p>",
            target_groups=["hjemloese"],
            themes=["bolig-og-hjemloeshed"],
            research=["Kontinuitetsstudiet i fem kommuner"],
        ),
        "fgc": method(
            "Familierådslagning for plejefamilier",
            "Familien og netværket lægger selv planen for barnet på et møde, de leder.",
            problem="<p>Planer lagt over hovedet på familien bliver sjældent fulgt.</p>",
            description=[("paragraph", "<p>En uafhængig koordinator forbereder <b>mødet</b> med familien.</p>")],
            tags=["netværk", "overgange"],
            target_groups=["udsatte-familier"],
            themes=["familie-og-foraeldreskab"],
            declaration_effekt="B",
        ),
    }
    # Never found: a draft, and a page published once and then taken down.
    pages["draft"] = make_method(live=False, title="Tidsintervention i kladde", summary="Kladde om hjemløse.")
    pages["withdrawn"] = method("Tidsintervention der blev trukket tilbage", "Trukket tilbage fra hjemløse.")
    pages["withdrawn"].unpublish()
    backend.sync()
    return pages
