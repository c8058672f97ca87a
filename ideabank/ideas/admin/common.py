"""The moderator check and the small pieces the moderation views share."""

from django.core.exceptions import PermissionDenied
from django.utils.http import urlencode
from wagtail.admin.menu import MenuItem as SidebarMenuItem
from wagtail.admin.ui.tables import ButtonsColumnMixin, TitleColumn

from ideabank.accounts.roles import is_moderator


class ModeratorRequiredMixin:
    """Moderators and everyone above them; Wagtail turns the refusal into a redirect with a message."""

    def dispatch(self, request, *args, **kwargs):
        if not is_moderator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ModeratorMenuItem(SidebarMenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)


def with_next(url, next_url):
    """Link to an action page that returns to `next_url` afterwards."""
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class ButtonsTitleColumn(ButtonsColumnMixin, TitleColumn):
    """A title cell with the row's actions underneath, built by the view for each row."""

    def __init__(self, *args, get_buttons, **kwargs):
        super().__init__(*args, **kwargs)
        self._get_buttons = get_buttons

    def get_buttons(self, instance, parent_context):
        return self._get_buttons(instance)
