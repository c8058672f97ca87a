"""About thirty methods from the social sector (methods.json), each with a description in steps, roles and
materials, outcome indicators, a knowledge declaration, research and a Lovende praksis assessment.

Texts are plain: blank lines separate paragraphs (see ideabank.demo.methods.rich_text); goals are one
paragraph or a list of bullets. Origin ideas are named by the title of an idea seed in ideas.json, so a
method is credited to ideas about the same practice. A study several methods cite is written once, under
"shared_studies", and named by its key in their research.
"""

from dataclasses import dataclass

from . import read

UP, DOWN = "up", "down"
PROMISING, NOT_YET = "promising", "not_yet"


@dataclass(frozen=True)
class Study:
    title: str
    authors: str
    year: int
    design: str  # a ResearchItem.Design value
    findings: str
    link: str = ""


@dataclass(frozen=True)
class MethodSeed:
    slug: str
    title: str
    summary: str
    problem: str
    theory_of_change: str
    steps: tuple  # (title, what to do, duration or "")
    roles: tuple  # (role, responsibilities)
    materials: tuple  # (title, description)
    quote: tuple  # (text, who says it)
    goals: str | tuple  # a paragraph, or bullets
    indicators: tuple  # (name, unit, UP | DOWN)
    resources: str
    groups: tuple
    themes: tuple
    tags: tuple
    declaration: dict  # dimension key → (level A–D, justification)
    research: tuple  # Study
    scores: tuple  # 11 × (score 0–3, justification), in the elements' official order
    conclusion: str  # PROMISING | NOT_YET
    origins: tuple  # titles of idea seeds


def rows(items, *names):
    return tuple(tuple(item[name] for name in names) for item in items)


def method_seed(data, shared_studies):
    return MethodSeed(
        **{name: data[name] for name in ("slug", "title", "summary", "problem", "theory_of_change", "resources")},
        steps=rows(data["steps"], "title", "body", "duration"),
        roles=rows(data["roles"], "role", "tasks"),
        materials=rows(data["materials"], "title", "description"),
        quote=(data["quote"]["text"], data["quote"]["by"]),
        goals=data["goals"] if isinstance(data["goals"], str) else tuple(data["goals"]),
        indicators=rows(data["indicators"], "name", "unit", "direction"),
        groups=tuple(data["groups"]),
        themes=tuple(data["themes"]),
        tags=tuple(data["tags"]),
        declaration={key: (given["level"], given["justification"]) for key, given in data["declaration"].items()},
        research=tuple(
            shared_studies[study] if isinstance(study, str) else Study(**study) for study in data["research"]
        ),
        scores=tuple(tuple(score) for score in data["scores"]),
        conclusion=data["conclusion"],
        origins=tuple(data.get("origins", ())),
    )


_data = read("methods")
_shared = {key: Study(**study) for key, study in _data["shared_studies"].items()}
METHOD_SEEDS = [method_seed(seed, _shared) for seed in _data["method_seeds"]]
