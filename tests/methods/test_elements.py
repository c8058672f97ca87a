"""The yardsticks: the 11 elements of promising practice, the system's suggestion, and the declaration's scale."""

import json

import pytest

from ideabank.methods import elements
from ideabank.methods.elements import (
    EVIDENCE_LEVELS,
    Conclusion,
    Dimension,
    Level,
    Score,
    element_keys,
    element_names,
    suggests_promising,
)


def test_the_eleven_elements_come_from_the_data_file_in_their_official_order():
    data = json.loads(elements.DATA.read_text(encoding="utf-8"))["elements"]

    found = elements.elements()

    assert len(found) == 11
    assert [element.number for element in found] == list(range(1, 12))
    assert [(e.number, e.key, e.name, e.meaning) for e in found] == [
        (item["n"], item["key"], item["name"], item["meaning"]) for item in data
    ]
    assert element_keys()[0] == "teori_og_viden"
    assert element_keys()[-1] == "opfoelgning"


def test_keys_are_unique_and_every_element_has_a_name():
    names = element_names()

    assert len(set(element_keys())) == 11
    assert list(names) == element_keys()
    assert all(name.strip() for name in names.values())
    assert names["virkning"] == "Virkning"


def test_scores_run_from_zero_to_three():
    assert Score.values == [0, 1, 2, 3]
    assert elements.MAX_SCORE == 3


@pytest.mark.parametrize(
    ("strong", "expected"),
    [(11, True), (9, True), (8, True), (7, False), (0, False)],
)
def test_promising_is_suggested_from_eight_elements_scoring_two_or_more(strong, expected):
    keys = element_keys()
    scores = {key: (2 if index < strong else 1) for index, key in enumerate(keys)}

    assert suggests_promising(scores) is expected


def test_a_three_counts_as_strong_and_a_one_does_not():
    keys = element_keys()

    assert suggests_promising(dict.fromkeys(keys[:8], 3) | dict.fromkeys(keys[8:], 0))
    assert not suggests_promising(dict.fromkeys(keys, 1))


def test_conclusions_are_promising_or_not_yet():
    assert Conclusion.values == ["promising", "not_yet"]
    assert Conclusion.PROMISING.label == "Lovende praksis"


def test_the_declaration_has_five_dimensions_in_the_vidensportal_order():
    assert Dimension.values == ["maalgruppe", "metode", "implementering", "effekt", "oekonomi"]
    assert [str(d.label) for d in Dimension] == ["Målgruppe", "Metode", "Implementering", "Effekt", "Økonomi"]


def test_levels_run_from_a_strongest_to_d_and_a_and_b_are_evidence():
    assert Level.values == ["A", "B", "C", "D"]
    assert set(EVIDENCE_LEVELS) == {"A", "B"}
