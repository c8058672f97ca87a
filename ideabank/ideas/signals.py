"""Cached idea facets go stale when an idea, its vocabularies or its tags change."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .models import Idea, IdeaTag
from .queries import bump_facets_version


@receiver(post_save, sender=Idea)
@receiver(post_delete, sender=Idea)
@receiver(post_save, sender=IdeaTag)
@receiver(post_delete, sender=IdeaTag)
def idea_changed(sender, **kwargs):
    bump_facets_version()


@receiver(m2m_changed, sender=Idea.target_groups.through)
@receiver(m2m_changed, sender=Idea.themes.through)
def vocabulary_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        bump_facets_version()
