"""search.listing.Merged: ideas and methods read as one sorted list, a page at a time.

Checked against the plain answer (sort the union, then slice) for every page window of many mixes,
so pages never repeat or skip a result wherever the methods fall.
"""

import random
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from search.listing import Merged, idea_key, merge_facets, method_key


class Counted(list):
    """A list that records which slices were read, to show Merged loads only a page's window."""

    def __init__(self, items):
        super().__init__(items)
        self.read = []

    def __getitem__(self, index):
        if isinstance(index, slice):
            self.read.append((index.start, index.stop))
        return super().__getitem__(index)


def key_of(item, _position):
    return item.key


def mix(rng, ideas, methods):
    keys = rng.sample(range(1000), ideas + methods)
    idea_items = sorted((SimpleNamespace(kind="idea", key=(k, 0)) for k in keys[:ideas]), key=lambda x: x.key)
    method_items = sorted((SimpleNamespace(kind="method", key=(k, 1)) for k in keys[ideas:]), key=lambda x: x.key)
    return Counted(idea_items), method_items


@pytest.mark.parametrize("seed", range(40))
def test_every_page_is_the_slice_of_the_sorted_union(seed):
    rng = random.Random(seed)
    ideas, methods = mix(rng, rng.randint(0, 30), rng.randint(0, 8))
    merged = Merged(ideas, methods, key_of, key_of)
    union = sorted([*ideas, *methods], key=lambda item: item.key)

    assert len(merged) == len(union)
    for size in (1, 3, 5):
        for start in range(0, len(union) + 2):
            assert merged[start : start + size] == union[start : start + size]
    if union:
        assert merged[len(union) - 1] is union[-1]


def test_a_page_reads_only_its_window_of_ideas():
    ideas, methods = mix(random.Random(1), 500, 4)
    merged = Merged(ideas, methods, key_of, key_of)

    merged[200:220]

    assert ideas.read == [(196, 220)]  # 4 methods at most can come before the page


def test_an_index_beyond_the_end_is_an_index_error():
    merged = Merged(Counted([]), [], key_of, key_of)
    assert merged[0:20] == []
    with pytest.raises(IndexError):
        merged[0]


def when(days):
    return datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=days)


def test_keys_order_ideas_as_the_database_and_methods_among_them():
    ideas = [
        SimpleNamespace(pk=1, published_at=when(3), created=when(3), vote_count=5, trending_score=1.0, comment_count=0),
        SimpleNamespace(pk=2, published_at=when(1), created=when(1), vote_count=0, trending_score=0.0, comment_count=2),
        SimpleNamespace(pk=3, published_at=None, created=when(9), vote_count=0, trending_score=0.0, comment_count=0),
    ]
    method = SimpleNamespace(pk=2, first_published_at=when(2))

    def order(sort):
        idea, meth = idea_key(sort, {}), method_key(sort, {})
        items = [(idea(obj, n), f"idea {obj.pk}") for n, obj in enumerate(ideas)] + [(meth(method, 0), "method")]
        return [name for _key, name in sorted(items)]

    assert order("newest") == ["idea 1", "method", "idea 2", "idea 3"]  # unpublished drafts last, as in the list
    assert order("votes") == ["idea 1", "method", "idea 2", "idea 3"]  # no votes: newest first among the rest
    assert order("comments") == ["idea 2", "idea 1", "method", "idea 3"]
    assert order("trending") == ["idea 1", "method", "idea 2", "idea 3"]


def test_relevance_keys_follow_the_scores_and_keep_each_backend_order():
    idea, meth = (
        idea_key("relevance", {1: 9.0, 2: 3.0}),
        method_key("relevance", {7: 5.0, 8: 3.0}, [(7, 5.0), (8, 3.0)]),
    )
    items = [
        (idea(SimpleNamespace(pk=1), 0), "idea 1"),
        (idea(SimpleNamespace(pk=2), 1), "idea 2"),
        (meth(SimpleNamespace(pk=7), None), "method 7"),
        (meth(SimpleNamespace(pk=8), None), "method 8"),
    ]
    assert [name for _key, name in sorted(items)] == ["idea 1", "method 7", "idea 2", "method 8"]


def test_merged_facets_add_up_shared_values_and_keep_the_rest():
    ideas = {
        "stage": [{"value": "tried", "label": "Afprøvet", "count": 2}, {"value": "idea", "label": "Idé", "count": 1}],
        "tag": [{"value": "a", "label": "a", "count": 1}],
        "organisation": [{"value": "x", "label": "X", "count": 3}],
    }
    methods = {
        "stage": [{"value": "method", "label": "Dokumenteret metode", "count": 4}],
        "tag": [{"value": "a", "label": "a", "count": 2}, {"value": "b", "label": "b", "count": 5}],
        "theme": [{"value": "t", "label": "T", "count": 1}],
    }

    merged = merge_facets(ideas, methods)

    assert [(row["value"], row["count"]) for row in merged["stage"]] == [("idea", 1), ("tried", 2), ("method", 4)]
    assert [(row["value"], row["count"]) for row in merged["tag"]] == [("b", 5), ("a", 3)]
    assert merged["organisation"] == ideas["organisation"]
    assert merged["theme"] == methods["theme"]
    assert list(merged) == ["stage", "tag", "organisation", "theme"]
