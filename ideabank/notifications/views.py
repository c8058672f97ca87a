"""The notification list, marking read and the per-kind preferences; plain forms, no JavaScript needed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from ideabank.ids import parse_id
from ideabank.pagecache import personal

from . import emails, services
from .forms import PreferencesForm
from .models import Verb
from .parts import list_context


@login_required
def notification_list(request):
    # The list and the preferences are a personal part (parts.py); the page around them is shared.
    personal.share(request)
    page_number = parse_id(request.GET.get("page", "")) or 1
    return render(request, "notifications/list.html", {"page_number": page_number})


BELL_ROWS = 10


@login_required
def latest(request):
    """The bell's dropdown (static/js/bell.js): the latest notifications as an HTML fragment. Without
    JavaScript the bell is a link to the full list instead."""
    rows = services.described(list(services.for_user(request.user).order_by("-created")[:BELL_ROWS]), request)
    return render(request, "notifications/dropdown.html", {"notifications": rows})


@login_required
@require_POST
def mark_read(request):
    """Mark one notification (`id`) or, without an id, all of them read."""
    raw = request.POST.get("id", "")
    notification_id = parse_id(raw)
    ids = [notification_id] if notification_id else None
    if raw and ids is None:
        return redirect("notifications:list")
    count = services.mark_read(request.user, ids)
    if ids is None:
        messages.success(request, _("Alle notifikationer er markeret som læst."))
    elif count:
        messages.success(request, _("Notifikationen er markeret som læst."))
    return redirect("notifications:list")


@login_required
@require_POST
def preferences(request):
    form = PreferencesForm(request.POST)
    if form.is_valid():
        for kind, channel in form.cleaned_data.items():
            services.set_preference(request.user, kind, channel)
        messages.success(request, _("Dine indstillinger er gemt."))
        return redirect("notifications:list")
    return render(request, "notifications/list.html", list_context(request, 1, form), status=400)


# The token is the authorisation: mail clients send RFC 8058 one-click POSTs without cookies or a CSRF token,
# and a forged request cannot do anything without a token signed for that very user.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks for confirmation (link scanners only ever GET); POST switches the e-mails off."""
    try:
        user, kind = emails.read_unsubscribe_token(token)
    except signing.BadSignature:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
    context = {"kind_label": Verb(kind).label if kind != emails.ALL_KINDS else None}
    if request.method == "POST":
        emails.unsubscribe(user, kind)
        return render(request, "notifications/unsubscribe.html", {**context, "done": True})
    kinds = emails.kinds_to_unsubscribe(user, kind)
    labels = [Verb(each).label for each in kinds]
    return render(request, "notifications/unsubscribe.html", {**context, "labels": labels, "token": token})
