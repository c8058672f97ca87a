"""Downloads that keep the idea's visibility, and removing a file from the idea page.

A file is served only to someone who may see its idea; to anyone else it does not exist (404), like the
idea. Documents download (`Content-Disposition: attachment`), images show inline; both with `nosniff`
and the site's CSP (middleware). With IDEABANK_ATTACHMENTS_ACCEL_REDIRECT set, nginx sends the bytes.
"""

from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ideabank.ideas import services as ideas
from ideabank.ideas.views import forbidden

from . import services
from .models import Attachment


def visible_attachment(request, pk):
    attachment = get_object_or_404(Attachment.objects.select_related("idea"), pk=pk)
    if not ideas.can_view(request.user, attachment.idea):
        raise Http404
    return attachment


def send(request, attachment, field, content_type, as_attachment):
    prefix = settings.IDEABANK_ATTACHMENTS_ACCEL_REDIRECT
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(field.name)
    else:
        try:
            response = FileResponse(field.open("rb"), content_type=content_type)
        except FileNotFoundError as missing:
            raise Http404 from missing
    response["Content-Disposition"] = content_disposition_header(as_attachment, attachment.name)
    response["X-Content-Type-Options"] = "nosniff"
    # Visibility can change (a moderator hides the idea): shared caches never keep a copy.
    response["Cache-Control"] = "private, no-cache"
    return response


@require_GET
def download(request, pk, name):
    attachment = visible_attachment(request, pk)
    if name != attachment.name:
        return redirect(attachment)
    kind = attachment.type
    return send(request, attachment, attachment.file, kind.mime, as_attachment=not kind.is_image)


@require_GET
def thumbnail(request, pk):
    attachment = visible_attachment(request, pk)
    if not attachment.thumbnail:
        raise Http404
    return send(request, attachment, attachment.thumbnail, "image/webp", as_attachment=False)


@require_POST
def remove(request, pk):
    attachment = visible_attachment(request, pk)
    back = attachment.idea.get_absolute_url()
    if not request.user.is_authenticated:
        return redirect_to_login(back)
    try:
        services.remove_attachment(request.user, attachment, reason=request.POST.get("reason", "")[:500])
    except PermissionDenied as error:
        return forbidden(request, error)
    messages.success(request, _("Filen «%(name)s» er fjernet.") % {"name": attachment.name})
    return redirect(f"{back}#materials")
