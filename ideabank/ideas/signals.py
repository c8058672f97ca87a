"""Cached idea facets go stale when an idea, its vocabularies or its tags change.

`idea_changed` is sent (after commit) by services that change ideas with update(), which sends no
post_save; the search index listens to it too.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal, receiver

from .models import Idea, IdeaTag
from .queries import bump_facets_version

idea_changed = Signal()  # kwargs: idea


@receiver(post_save, sender=Idea)
@receiver(post_delete, sender=Idea)
@receiver(post_save, sender=IdeaTag)
@receiver(post_delete, sender=IdeaTag)
@receiver(idea_changed)
def idea_saved(sender, **kwargs):
    bump_facets_version(kwargs.get("using"))


@receiver(m2m_changed, sender=Idea.target_groups.through)
@receiver(m2m_changed, sender=Idea.themes.through)
def vocabulary_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        bump_facets_version(kwargs.get("using"))
