"""The moderator's to-do list on the admin dashboard."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from .. import queries


class ModerationPanel(Component):
    """The moderator's to-do list on the admin dashboard."""

    name = "ideabank_moderation"
    template_name = "ideas/admin/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context=None):
        return {
            **queries.moderation_overview(),
            "queue_url": reverse("moderation_reports:index"),
            "pending_url": reverse("moderation_ideas:index") + "?status=pending",
        }
