"""Demo methods for `seed_demo`: the hand-written set in content/methods.json, published under the method
catalogue the way an editor would do it.

For each method missing (keyed by its slug under the catalogue), in one transaction: its research items
are taken from the research library or added to it, the page is created as a draft, the demo ideas it grew
from are promoted into it through services.promote (so the promotion rules apply), it is published as the
demo editor, and the editor's Lovende praksis assessment is recorded through services.assess. Publishing
fires the usual signal, so once the transaction commits the origin ideas climb to the method's stage and
their authors, voters and followers are told, exactly as after a real promotion.
"""

import html
import time

from django.db import transaction
from django.db.models import Q

from ideabank.ideas.models import Idea
from ideabank.methods import services
from ideabank.methods.elements import element_keys
from ideabank.methods.models import MethodIndexPage, MethodPage, OutcomeIndicator, ResearchItem
from ideabank.taxonomy.models import TargetGroup, Theme

from . import GENERATED_DOMAIN
from .content import ideas as idea_content
from .content import methods as content
from .people import demo_editor

MAX_ORIGINS = 3
VARIANTS_PER_ORIGIN = 2


def rich_text(text):
    """Plain demo text as rich text: one paragraph per blank-line block, or a bulleted list for a tuple."""
    if not isinstance(text, str):
        return "<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in text) + "</ul>"
    blocks = (" ".join(block.split()) for block in text.split("\n\n"))
    return "".join(f"<p>{html.escape(block)}</p>" for block in blocks if block)


def description(seed):
    """The StreamField's raw data: the steps, then the quote, the roles and the materials."""
    blocks = [
        {"type": "step", "value": {"title": title, "body": rich_text(body), "duration": duration}}
        for title, body, duration in seed.steps
    ]
    text, attribution = seed.quote
    blocks.append({"type": "quote", "value": {"text": text, "attribution": attribution}})
    blocks.extend(
        {"type": "role", "value": {"role": role, "responsibilities": rich_text(tasks)}} for role, tasks in seed.roles
    )
    blocks.extend(
        {"type": "material", "value": {"title": title, "description": text, "link": ""}}
        for title, text in seed.materials
    )
    return blocks


class Vocabulary:
    """Target groups and themes by the ideas' demo keys, looked up by name once."""

    def __init__(self):
        groups = {group.name: group for group in TargetGroup.objects.all()}
        themes = {theme.name: theme for theme in Theme.objects.all()}
        self.groups = {key: groups[name] for key, name in idea_content.TARGET_GROUPS.items() if name in groups}
        self.themes = {key: themes[name] for key, name in idea_content.THEMES.items() if name in themes}

    def target_groups(self, keys):
        return [self.groups[key] for key in keys if key in self.groups]

    def themes_for(self, keys):
        return [self.themes[key] for key in keys if key in self.themes]


def research_items(seed):
    items = []
    for study in seed.research:
        item, _created = ResearchItem.objects.get_or_create(
            title=study.title,
            year=study.year,
            defaults={
                "authors": study.authors,
                "design": study.design,
                "findings": study.findings,
                "link": study.link,
            },
        )
        items.append(item)
    return items


def origin_ideas(seed):
    """Published, not yet promoted demo ideas told from the seed's origin idea seeds, at most MAX_ORIGINS.

    Per origin seed: the idea carrying its plain title first (the first telling), then its most-voted
    retelling from another place; generated benchmark ideas (`--ideas N`) are left out.
    """
    per_origin = []
    for title in seed.origins:
        candidates = (
            Idea.objects.filter(status=Idea.Status.PUBLISHED, promotion__isnull=True)
            .filter(Q(title=title) | Q(title__startswith=f"{title} ") | Q(title__startswith=f"{title}:"))
            .exclude(author__email__endswith=f".bulk.{GENERATED_DOMAIN}")
            .order_by("-vote_count", "pk")
        )
        found = list(candidates[:20])
        first = [idea for idea in found if idea.title == title]
        retold = [idea for idea in found if idea.title != title]
        per_origin.append((first + retold)[:VARIANTS_PER_ORIGIN])
    chosen = []
    for rank in range(VARIANTS_PER_ORIGIN):
        chosen.extend(ideas[rank] for ideas in per_origin if len(ideas) > rank)
    return chosen[:MAX_ORIGINS]


def build_page(seed, editor, vocabulary):
    page = MethodPage(
        title=seed.title,
        slug=seed.slug,
        summary=seed.summary,
        problem=rich_text(seed.problem),
        theory_of_change=rich_text(seed.theory_of_change),
        description=description(seed),
        goals=rich_text(seed.goals),
        resources=rich_text(seed.resources),
        live=False,
        owner=editor,
    )
    for dimension, (level, justification) in seed.declaration.items():
        setattr(page, f"declaration_{dimension}", level)
        setattr(page, f"declaration_{dimension}_justification", justification)
    page.target_groups = vocabulary.target_groups(seed.groups)
    page.themes = vocabulary.themes_for(seed.themes)
    page.research = research_items(seed)
    page.indicators = [
        OutcomeIndicator(name=name, unit=unit, direction=direction) for name, unit, direction in seed.indicators
    ]
    page.tags.set(list(seed.tags))
    return page


def seed_method(seed, index, editor, vocabulary):
    """Create, credit, publish and assess one method; returns the number of origin ideas promoted into it."""
    with transaction.atomic():
        page = build_page(seed, editor, vocabulary)
        index.add_child(instance=page)
        origins = origin_ideas(seed)
        for idea in origins:
            services.promote(editor, idea, into=page)
        page.save_revision(user=editor, log_action=True).publish(user=editor)
        scores = {
            key: {"score": score, "justification": justification}
            for key, (score, justification) in zip(element_keys(), seed.scores, strict=True)
        }
        services.assess(editor, page, scores=scores, conclusion=seed.conclusion)
    return len(origins)


def seed_methods(stdout=None):
    """Create the demo methods that are missing. Returns the number created."""
    say = stdout or (lambda message: None)
    started = time.monotonic()
    index = MethodIndexPage.objects.first()
    if index is None:
        say("  Der er ingen metodeoversigt; kør migrate først")
        return 0
    existing = set(MethodPage.objects.child_of(index).values_list("slug", flat=True))
    missing = [seed for seed in content.METHOD_SEEDS if seed.slug not in existing]
    if not missing:
        say("  Demo-metoderne findes allerede")
        return 0
    editor = demo_editor()
    vocabulary = Vocabulary()
    promoted = sum(seed_method(seed, index, editor, vocabulary) for seed in missing)
    say(
        f"  {len(missing)} metoder udgivet og vurderet, {promoted} idéer løftet til metode "
        f"({time.monotonic() - started:.1f} s)"
    )
    return len(missing)
