"""The notification list, marking read and the per-kind preferences; plain forms, no JavaScript needed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .forms import PreferencesForm


@login_required
def notification_list(request):
    page = Paginator(services.for_user(request.user), 25).get_page(request.GET.get("page"))
    for notification in page:
        notification.text = services.text(notification)
    form = PreferencesForm(initial_channels=services.preferences(request.user))
    return render(request, "notifications/list.html", {"page": page, "form": form})


@login_required
@require_POST
def mark_read(request):
    """Mark one notification (`id`) or, without an id, all of them read."""
    raw = request.POST.get("id", "")
    ids = [int(raw)] if raw.isdigit() else None
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
    page = Paginator(services.for_user(request.user), 25).get_page(1)
    for notification in page:
        notification.text = services.text(notification)
    return render(request, "notifications/list.html", {"page": page, "form": form}, status=400)
