"""The rules for attachments, used by the idea form, the API and the moderators alike.

A file is checked in full (checks/) before anything is written, so a refusal leaves nothing behind;
files written for a row that then fails to save are deleted again (and `saving_files` does the same
for a larger transaction, such as the idea form's, that fails after them). Only the idea's author,
editors and moderators change attachments.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ideabank.accounts.roles import is_moderator
from ideabank.errors import require
from ideabank.ideas import services as ideas
from ideabank.ideas.models import Idea

from .checks import Inspected, inspect
from .models import Attachment

REMOVE_ACTION = "ideabank.attachment_removed"


def can_change(user, idea):
    """The author and editors (who may edit the idea), and moderators (who may remove what should not be there)."""
    return ideas.can_edit(user, idea) or is_moderator(user)


def per_idea():
    return settings.IDEABANK_ATTACHMENTS_PER_IDEA


def check_description(inspected, description):
    """Images need a description (their alt text); every description is user text under the guard."""
    description = " ".join((description or "").split())
    field = Attachment._meta.get_field("description")
    if inspected.kind.is_image and not description:
        raise ValidationError(
            {
                "description": _("Beskriv billedet «%(name)s» kort (teksten vises for dem, der ikke kan se det).")
                % {"name": inspected.name}
            }
        )
    try:
        field.clean(description, None)
    except ValidationError as error:
        raise ValidationError({"description": error.messages}) from error
    return description


@transaction.atomic
def add_attachment(user, idea, file, description=""):
    """Attach a file (an upload, or one already Inspected) to the idea; refuses with nothing stored."""
    ideas.require_active_staff(user)
    require(can_change(user, idea), _("Kun idéens forfatter, redaktører og moderatorer kan vedhæfte filer."))
    require(idea.status != Idea.Status.MERGED, _("Idéen er lagt sammen med en anden."))
    inspected = file if isinstance(file, Inspected) else inspect(file)
    description = check_description(inspected, description)
    # Lock the idea so two uploads at once cannot both take the last free place.
    Idea.objects.select_for_update().filter(pk=idea.pk).values_list("pk").get()
    if Attachment.objects.filter(idea=idea).count() >= per_idea():
        raise ValidationError(
            {
                "file": _("En idé kan højst have %(count)d vedhæftede filer. Fjern en, før du tilføjer en ny.")
                % {"count": per_idea()}
            }
        )
    attachment = Attachment(
        idea=idea,
        uploaded_by=user,
        name=inspected.name,
        kind=inspected.kind.key,
        size=inspected.size,
        page_count=inspected.page_count,
        width=inspected.width,
        height=inspected.height,
        description=description,
        text=inspected.text,
    )
    try:
        attachment.file.save(inspected.name, ContentFile(inspected.content), save=False)
        if inspected.thumbnail:
            attachment.thumbnail.save("thumbnail.webp", ContentFile(inspected.thumbnail), save=False)
        attachment.save()
    except BaseException:
        delete_files(attachment)
        raise
    return attachment


@transaction.atomic
def update_description(user, attachment, description):
    require(can_change(user, attachment.idea), _("Du kan kun rette dine egne idéers filer."))
    inspected = Inspected(attachment.name, attachment.type, b"")
    attachment.description = check_description(inspected, description)
    attachment.save(update_fields=["description"])
    return attachment


@transaction.atomic
def remove_attachment(user, attachment, reason=""):
    """Remove a file. When someone other than the idea's author does it, the moderation log says so."""
    idea = attachment.idea
    require(can_change(user, idea), _("Kun idéens forfatter, redaktører og moderatorer kan fjerne filer."))
    if user.pk != idea.author_id:
        log(
            instance=idea,
            action=REMOVE_ACTION,
            user=user,
            data={"attachment": attachment.pk, "name": attachment.name, "reason": reason},
        )
    attachment.delete()


class saving_files:
    """Around a transaction that adds attachments: if it fails, the files it wrote are deleted too."""

    def __init__(self):
        self.added = []

    def add(self, *args, **kwargs):
        attachment = add_attachment(*args, **kwargs)
        self.added.append(attachment)
        return attachment

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if error is not None:
            for attachment in self.added:
                delete_files(attachment)
        return False


def delete_files(attachment):
    for field in (attachment.file, attachment.thumbnail):
        if field and field.name:
            field.storage.delete(field.name)
