"""The index follows the data: ideas whenever they, their tags or their vocabularies change; method
pages when they are published, unpublished or deleted (a page's live text changes only by publishing),
when a view restriction makes them private or public again, and when a linked research item is renamed."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from ideabank.ideas.models import Idea, IdeaTag
from ideabank.ideas.signals import idea_changed
from ideabank.methods.models import MethodPage, ResearchItem

from .indexing import schedule, update_entry
from .models import SearchEntry


@receiver(post_save, sender=Idea)
@receiver(post_delete, sender=Idea)
def idea_saved(sender, instance, **kwargs):
    schedule(SearchEntry.Kind.IDEA, instance.pk)


@receiver(idea_changed)
def idea_state_changed(sender, idea, **kwargs):
    # Sent after commit already, so index at once.
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


@receiver(page_published, sender=MethodPage)
@receiver(page_unpublished, sender=MethodPage)
@receiver(post_delete, sender=MethodPage)
def method_changed(sender, instance, **kwargs):
    # update_entry reads the page again: live and public → (re)indexed, anything else → removed.
    schedule(SearchEntry.Kind.METHOD, instance.pk)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def method_visibility_changed(sender, instance, **kwargs):
    # A restriction on a page hides it and everything below it (the method index, say).
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:  # deleted with its page, whose own deletion takes the methods out
        return
    for pk in MethodPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True):
        schedule(SearchEntry.Kind.METHOD, pk)


@receiver(post_save, sender=ResearchItem)
def research_item_saved(sender, instance, created, **kwargs):
    if not created:  # a new item is linked to no method yet; linking it means publishing the method
        for pk in instance.methods.values_list("pk", flat=True):
            schedule(SearchEntry.Kind.METHOD, pk)
