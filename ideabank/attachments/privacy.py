"""The attachments a user added, in their data export (with links to download them). When the account is
deleted the files stay with their ideas: they were cleaned of metadata when they were stored."""

from django.conf import settings

from ideabank.accounts import privacy

from .models import Attachment


@privacy.export_section("attachments")
def attachments_section(user):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return [
        {
            "id": attachment.pk,
            "idea": attachment.idea_id,
            "idea_title": attachment.idea.title,
            "name": attachment.name,
            "type": attachment.kind,
            "size": attachment.size,
            "description": attachment.description,
            "created": privacy.when(attachment.created),
            "url": base + attachment.get_absolute_url(),
        }
        for attachment in Attachment.objects.filter(uploaded_by=user).select_related("idea")
    ]


@privacy.deletion_step
def unlink_uploader(user):
    """The files stay on the ideas, added by nobody in particular, like the votes of a deleted account."""
    Attachment.objects.filter(uploaded_by=user).update(uploaded_by=None)
