"""The search contract for how query words count, on both backends: Danish compounds are found through
their parts and the parts through the compound; a result needs most of the words, not all of them; and
more words matched, the words as a phrase, and an exact title rank higher.
"""

import pytest

from ideabank.ideas.models import Idea
from search import service
from search.analysis import compound_parts, required_words, split_compound
from tests.search.conftest import idea
from tests.search.test_contract import ranked


def by_title(q):
    """The titles found for `q`, best first (for ideas made in the test itself)."""
    ids = service.idea_ids_matching(q)
    titles = dict(Idea.objects.filter(pk__in=ids).values_list("pk", "title"))
    return [titles[pk] for pk in ids]


# ---- compounds -------------------------------------------------------------------------------------


def test_the_decompounder_splits_at_listed_words():
    assert split_compound("alkoholbehandlingen") == ("alkohol", "behandlingen")
    assert split_compound("tegnsprogstolk") == ("tegnsprog", "tolk")  # the linking s
    assert split_compound("skolestartsplan") == ("skole", "start", "plan")
    assert split_compound("behandling") == ()  # no compound
    assert split_compound("forældre") == ()  # `ældre` is not listed: it hides inside `forældre`
    assert compound_parts("bostøtten") == ("støtte",)


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("tolk", "tegnsprog"),  # the head of `tegnsprogstolk`, which no prefix finds
        ("behandling", "alkoholbehandling"),
        ("misbrug", "alkoholmisbrug"),
    ],
)
def test_a_part_finds_the_compounds_that_end_with_it(corpus, q, expected):
    assert expected in ranked(corpus, q)


def test_a_compound_finds_its_parts_written_apart(corpus, backend, staff):
    apart = idea(staff, "Behandling af alkohol om aftenen", "Mange kan ikke komme i dagtimerne.", "Åbent til 21.")
    backend.sync()
    found = service.idea_ids_matching("alkoholbehandling")
    assert found[0] == corpus["alkoholbehandling"].pk  # the compound itself first
    assert apart.pk in found


def test_the_parts_find_the_compound(corpus):
    assert ranked(corpus, "tolk via video")[0] == "tegnsprog"  # `Tegnsprogstolk via video`
    assert "alkoholbehandling" in ranked(corpus, "behandling af alkohol")


# ---- most of the words -------------------------------------------------------------------------------


def test_most_words_are_needed_not_all():
    assert [required_words(n) for n in range(1, 9)] == [1, 2, 2, 3, 3, 4, 5, 6]


def test_a_word_nothing_has_does_not_empty_the_result(corpus):
    assert ranked(corpus, "ensomhed ældre")[0] == "gaaklub"
    assert ranked(corpus, "ensomhed ældre zebra")[0] == "gaaklub"


def test_one_word_of_three_is_not_enough(corpus):
    assert "gaaklub" not in ranked(corpus, "ensomhed zebra giraf")


def test_two_words_both_count(corpus):
    assert ranked(corpus, "alkohol natcafé") == []


def test_more_words_matched_rank_higher(corpus):
    # Only `telefonven` has all three; ideas with one of them are left out.
    assert ranked(corpus, "ensomme unge frivillige") == ["telefonven"]
    # Four words, three needed: `gaaklub` has all four, `telefonven` three.
    found = ranked(corpus, "ensomhed ældre ugentlig gåtur")
    assert found[0] == "gaaklub"


def test_a_phrase_ranks_above_the_same_words_apart(backend, staff):
    idea(staff, "Bolig og job for unge", "Unge uden egen indkomst.", "En plads i kollegiet og et fritidsjob.")
    idea(staff, "Støtte efter herberget", "Mange mangler støtte i egen bolig.", "En fast kontaktperson.")
    backend.sync()
    assert by_title("egen bolig")[:2] == ["Støtte efter herberget", "Bolig og job for unge"]


def test_an_exact_title_ranks_first(backend, staff):
    idea(staff, "Alkoholbehandling i weekenden for unge og ældre", "Alkoholbehandling i weekenden.", "Weekend.")
    idea(staff, "Alkoholbehandling i weekenden", "Borgere i job.", "Åbent lørdag og søndag.")
    backend.sync()
    assert by_title("alkoholbehandling i weekenden")[0] == "Alkoholbehandling i weekenden"
