"""The bell's count, and the notification page's list and preferences, as personal parts of shared pages
(ideabank/pagecache/personal.py): the rest of the notification page is the layout colleagues share."""

from django.core.paginator import Paginator

from ideabank.caching import fragments
from ideabank.ids import parse_id
from ideabank.pagecache.personal import part

from . import services
from .forms import PreferencesForm

PAGE_SIZE = 25


@part("bell", "notifications/includes/bell_count.html")
def bell(request, argument):
    return {"unread": services.unread_count(request.user)}


@part("notifications", "notifications/includes/list_body.html")
def notification_list(request, argument):
    return list_context(request, parse_id(argument) or 1)


def list_context(request, page_number, form=None):
    """The user's notifications on one page, and the preferences form (`form` when it came back invalid)."""
    user = request.user
    page = Paginator(services.for_user(user), PAGE_SIZE).get_page(page_number)
    # Read once, here; and not built at all when there is nothing to read (building the query costs more).
    page.object_list = services.described(list(page.object_list) if page.paginator.count else [], request)
    if form is not None:
        return {"page": page, "form": form, "form_fields": form}
    channels = services.preferences(user)
    # Twenty radio groups cost more than the rest of the page; everyone with the same choices shares them.
    [fields] = fragments(
        "notifications/includes/preferences_fields.html",
        [lambda: {"form": PreferencesForm(initial_channels=channels)}],
        [("preferences", sorted(channels.items()))],
    )
    return {"page": page, "form": None, "form_fields": fields}
