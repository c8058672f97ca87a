"""Ideas are re-indexed whenever they, their tags or their vocabularies change."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from ideabank.ideas.models import Idea, IdeaTag
from ideabank.ideas.signals import idea_changed

from .indexing import schedule
from .models import SearchEntry


@receiver(post_save, sender=Idea)
@receiver(post_delete, sender=Idea)
def idea_saved(sender, instance, **kwargs):
    schedule(SearchEntry.Kind.IDEA, instance.pk)


@receiver(idea_changed)
def idea_state_changed(sender, idea, **kwargs):
    # Sent after commit already, so index at once.
    from .indexing import update_entry

    update_entry.enqueue(SearchEntry.Kind.IDEA, idea.pk)


@receiver(post_save, sender=IdeaTag)
@receiver(post_delete, sender=IdeaTag)
def idea_tagged(sender, instance, **kwargs):
    schedule(SearchEntry.Kind.IDEA, instance.content_object_id)


@receiver(m2m_changed, sender=Idea.target_groups.through)
@receiver(m2m_changed, sender=Idea.themes.through)
def idea_vocabulary_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Idea):
        schedule(SearchEntry.Kind.IDEA, instance.pk)
