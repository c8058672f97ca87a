"""Attachments over the API: add a file to an idea (multipart) and remove one. The idea's detail lists them.

Only the idea's author, editors and moderators may change them (ideabank.attachments.services). Every
file is checked before it is stored; a refusal is a 413 (too large) or 422 with a message naming the file.
"""

from ninja import File, Form, Router, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from ideabank import ratelimit
from ideabank.attachments import services
from ideabank.attachments.checks import Refused
from ideabank.attachments.models import Attachment
from ideabank.ideas.queries import visible_idea

from .auth import authenticated
from .errors import labelled
from .ideas import attachment_out, get_or_404
from .openapi import RATE_LIMITED
from .schemas import AttachmentOut

router = Router(tags=["attachments"])


@router.post(
    "/ideas/{idea_id}/attachments", response={201: AttachmentOut}, auth=authenticated, openapi_extra=RATE_LIMITED
)
def add_attachment(request, idea_id: int, file: File[UploadedFile], description: Form[str] = ""):
    """Attach a file (multipart: `file`, `description`; images need a description, their alt text).

    Accepted: PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, PNG, JPEG and WebP, decided by the content; at most
    10 MB and 5 files per idea. Refused (nothing stored): a CPR number in the text, encryption, scripts,
    embedded files, macros, archives, zip bombs and anything else.
    """
    idea = visible_idea(request.user, idea_id)
    ratelimit.check(request, "idea")
    try:
        with labelled(Attachment, file=Attachment._meta.get_field("file").verbose_name):
            attachment = services.add_attachment(request.user, idea, file, description)
    except Refused as refused:
        raise HttpError(refused.status, refused.messages[0]) from refused
    return Status(201, attachment_out(request, attachment))


@router.delete("/ideas/{idea_id}/attachments/{attachment_id}", response={204: None}, auth=authenticated)
def remove_attachment(request, idea_id: int, attachment_id: int):
    """Remove a file from the idea. Moderators' and editors' removals are written to the moderation log."""
    idea = visible_idea(request.user, idea_id)
    attachment = get_or_404(Attachment.objects.filter(idea=idea).select_related("idea"), attachment_id)
    services.remove_attachment(request.user, attachment)
    return Status(204, None)
