"""The two yardsticks of the knowledge ladder (DESIGN §2), as data the rest of the app reads.

The 11 elements of promising practice come from our copy of the reference file (data/lovende-praksis.json);
the knowledge declaration's five dimensions and A–D levels follow Socialstyrelsen's Vidensportal.
"""

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

DATA = Path(__file__).parent / "data" / "lovende-praksis.json"

# The system suggests "promising" when at least this many elements score at least PROMISING_SCORE.
PROMISING_ELEMENTS = 8
PROMISING_SCORE = 2
MAX_SCORE = 3


@dataclass(frozen=True)
class Element:
    number: int
    key: str
    name: str
    meaning: str
    # {"da": {"description", "questions"}, "en": {…}}: what the assessor looks for, in plain words.
    guide: dict = field(default_factory=dict, compare=False, hash=False)

    def _guide(self):
        language = (get_language() or "da")[:2]
        return self.guide.get(language) or self.guide.get("da") or {}

    @property
    def description(self):
        """What the element asks of the practice, in the reader's language."""
        return self._guide().get("description", self.meaning)

    @property
    def questions(self):
        """Guiding questions for the assessor, in the reader's language."""
        return self._guide().get("questions", [])


@cache
def elements():
    """The 11 elements in their official order."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return tuple(
        Element(item["n"], item["key"], item["name"], item["meaning"], item.get("guide", {}))
        for item in data["elements"]
    )


def element_keys():
    return [element.key for element in elements()]


def element_names():
    return {element.key: element.name for element in elements()}


class Score(models.IntegerChoices):
    NOT_MET = 0, _("0 – ikke opfyldt")
    LESSER = 1, _("1 – i mindre grad")
    SOME = 2, _("2 – i nogen grad")
    HIGH = 3, _("3 – i høj grad")


class Conclusion(models.TextChoices):
    PROMISING = "promising", _("Lovende praksis")
    NOT_YET = "not_yet", _("Endnu ikke lovende praksis")


def suggests_promising(scores):
    """The system's suggestion from {key: score}; the editor makes the decision."""
    return sum(1 for score in scores.values() if score >= PROMISING_SCORE) >= PROMISING_ELEMENTS


class Dimension(models.TextChoices):
    """The knowledge declaration's dimensions, in the Vidensportal's order."""

    TARGET_GROUP = "maalgruppe", _("Målgruppe")
    METHOD = "metode", _("Metode")
    IMPLEMENTATION = "implementering", _("Implementering")
    EFFECT = "effekt", _("Effekt")
    ECONOMY = "oekonomi", _("Økonomi")


class Level(models.TextChoices):
    """A is the strongest knowledge, D the weakest."""

    A = "A", _("A – stærk viden")
    B = "B", _("B – moderat viden")
    C = "C", _("C – begrænset viden")
    D = "D", _("D – ingen eller meget begrænset viden")


EVIDENCE_LEVELS = (Level.A, Level.B)
