"""Attachments follow their idea: its search entry is rebuilt when one is added or removed, and a removed
attachment's files leave the storage once the removal has committed."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from search.indexing import schedule
from search.models import SearchEntry

from .models import Attachment
from .services import delete_files


@receiver(post_save, sender=Attachment)
@receiver(post_delete, sender=Attachment)
def reindex_idea(sender, instance, **kwargs):
    schedule(SearchEntry.Kind.IDEA, instance.idea_id)


@receiver(post_delete, sender=Attachment)
def delete_stored_files(sender, instance, **kwargs):
    transaction.on_commit(lambda: delete_files(instance))
