"""How well the search ranks: recall@5 and MRR over hand-judged Danish queries, on both backends.

The contract tests (test_contract*.py) check single promises; these measure the whole: the 64 demo idea
seeds are the corpus and tests/search/relevance_judgements.py says which ideas each query should find.
The floors sit a little below the figures measured when they were set, so a change that makes search
noticeably worse fails here, while the figures themselves are printed (`pytest -s`) for tuning.

recall@5: the share of a query's relevant ideas found in the top 5, averaged over the queries.
MRR: 1 / rank of the first relevant idea in the top 10 (0 if none), averaged over the queries.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from ideabank.demo.content.ideas import IDEA_SEEDS
from search import service
from tests.factories import IdeaFactory
from tests.search.relevance_judgements import JUDGEMENTS

FLOORS = {
    # measured when set (94 queries, 64 ideas; compounds, most-words matching): SQLite 0.913 / 0.989,
    # PostgreSQL 0.906 / 0.973, Elasticsearch 0.906 / 0.979. Queries with six relevant ideas reach 5/6 at most.
    ("database", "recall@5"): 0.90,
    ("database", "mrr"): 0.95,
    ("elasticsearch", "recall@5"): 0.90,
    ("elasticsearch", "mrr"): 0.95,
}

# Building and querying the corpus takes a few seconds per backend; both metrics come from one measurement.
MEASURED = {}


def measure(backend, author):
    """Index one published idea per seed, run every judged query and return the averaged figures."""
    published = timezone.now() - timedelta(days=1)  # one date for all, so recency does not reorder them
    titles = {}
    for seed in IDEA_SEEDS:
        idea = IdeaFactory(
            author=author,
            title=seed.title,
            problem=seed.problem,
            solution=seed.solution,
            context=seed.context,
            results=seed.results,
            tags=list(seed.tags),
            published_at=published,
        )
        titles[idea.pk] = seed.title
    backend.sync()

    recalls, reciprocal_ranks, misses = [], [], []
    for judgement in JUDGEMENTS:
        found = [titles.get(pk) for pk, _score in service.rank_ideas(judgement.query, limit=10)]
        hits = len(judgement.relevant & set(found[:5]))
        recalls.append(hits / len(judgement.relevant))
        first = next((rank for rank, title in enumerate(found, start=1) if title in judgement.relevant), None)
        reciprocal_ranks.append(1 / first if first else 0.0)
        if hits < min(5, len(judgement.relevant)) or first != 1:
            misses.append(
                f"  {judgement.kind:<10} {judgement.query!r}: {hits}/{len(judgement.relevant)} in top 5, "
                f"first relevant at {first or '-'}"
            )
    figures = {
        "recall@5": sum(recalls) / len(recalls),
        "mrr": sum(reciprocal_ranks) / len(reciprocal_ranks),
    }
    print(
        f"\n[{backend.name}] {len(JUDGEMENTS)} queries over {len(IDEA_SEEDS)} ideas: "
        f"recall@5 = {figures['recall@5']:.3f}, MRR = {figures['mrr']:.3f}"
    )
    print("\n".join(misses))
    return figures


@pytest.fixture
def figures(backend, staff):
    if backend.name not in MEASURED:
        MEASURED[backend.name] = measure(backend, staff)
    return MEASURED[backend.name]


def test_every_judged_idea_is_a_seed():
    titles = {seed.title for seed in IDEA_SEEDS}
    assert len(titles) == len(IDEA_SEEDS)
    kinds = [judgement.kind for judgement in JUDGEMENTS]
    assert len(JUDGEMENTS) >= 90
    assert kinds.count("compound") + kinds.count("derivation") >= 40
    assert kinds.count("sentence") >= 5
    for judgement in JUDGEMENTS:
        assert judgement.relevant, judgement.query
        assert judgement.relevant <= titles, judgement.query


def test_recall_at_5(figures, backend):
    assert figures["recall@5"] >= FLOORS[(backend.name, "recall@5")]


def test_mean_reciprocal_rank(figures, backend):
    assert figures["mrr"] >= FLOORS[(backend.name, "mrr")]
