"""Cached idea facets go stale when an idea, its vocabularies or its tags change.

`idea_changed` is sent (after commit) by services that change ideas with update(), which sends no
post_save; the search index listens to it too.
"""

from django.db import transaction
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
    bump_facets_version()
    bump_again_after_commit(kwargs.get("using"))


@receiver(m2m_changed, sender=Idea.target_groups.through)
@receiver(m2m_changed, sender=Idea.themes.through)
def vocabulary_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        bump_facets_version()
        bump_again_after_commit(kwargs.get("using"))


def bump_again_after_commit(using):
    """Inside a transaction, move the version on again once it commits: a request that read the new version
    before the row was visible (has_unlisted_ideas, the facets) would otherwise keep its answer until the
    next change. Outside one, the change is already visible."""
    if transaction.get_connection(using).in_atomic_block:
        transaction.on_commit(bump_facets_version, using=using)
