"""The knowledge ladder in the Wagtail admin: the escalation queue (menu and dashboard), assessment and
promotion pages, the research library, and the audit-log wording of those actions. Editors only."""

from django.urls import include, path
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.views.snippets import SnippetViewSet

from ideabank.accounts.roles import is_editor

from . import admin_views as views
from .models import ResearchItem

admin_urls = [
    path("queue/", views.EscalationQueueView.as_view(), name="queue"),
    path("assess/idea/<id:pk>/", views.AssessView.as_view(kind="idea"), name="assess_idea"),
    path("assess/method/<id:pk>/", views.AssessView.as_view(kind="method"), name="assess_method"),
    path("promote/<id:pk>/", views.PromoteView.as_view(), name="promote"),
    path("pin/<id:pk>/", views.PinView.as_view(), name="pin"),
    path("set-aside/<id:pk>/", views.SetAsideView.as_view(), name="set_aside"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("knowledge/", include((admin_urls, "methods_admin"), namespace="methods_admin"))]


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return views.EditorMenuItem(
        gettext_lazy("Eskaleringskø"), views.queue_url(), name="escalation-queue", icon_name="pick", order=250
    )


class ResearchItemViewSet(SnippetViewSet):
    model = ResearchItem
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("Forskningsbibliotek")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["title", "authors", "year", "design"]
    list_filter = ["design"]
    search_fields = ["title", "authors"]


@hooks.register("register_admin_viewset")
def register_research_library():
    return ResearchItemViewSet()


@hooks.register("construct_homepage_panels")
def add_escalation_panel(request, panels):
    if is_editor(request.user):
        panels.append(views.EditorPanel(request.user))


@hooks.register("register_log_actions")
def register_knowledge_log_actions(actions):
    @actions.register_action("ideabank.assess")
    class AssessFormatter(LogFormatter):
        label = gettext_lazy("Vurdering efter lovende praksis")

        def format_message(self, log_entry):
            return gettext_lazy("Vurderet: %(conclusion)s") % {"conclusion": log_entry.data.get("conclusion", "")}

    @actions.register_action("ideabank.promote")
    class PromoteFormatter(LogFormatter):
        label = gettext_lazy("Løft til metode")

        def format_message(self, log_entry):
            return gettext_lazy("Løftet til metode (side %(method)s)") % {"method": log_entry.data.get("method", "")}

    class SetAsideFormatter(LogFormatter):
        def format_message(self, log_entry):
            return f"{self.label}: {log_entry.data.get('reason', '')}"

    @actions.register_action("ideabank.queue_snooze")
    class SnoozeFormatter(SetAsideFormatter):
        label = gettext_lazy("Udsat fra eskaleringskøen")

    @actions.register_action("ideabank.queue_dismiss")
    class DismissFormatter(SetAsideFormatter):
        label = gettext_lazy("Afvist fra eskaleringskøen")

    actions.register_action(
        "ideabank.queue_return",
        gettext_lazy("Tilbage i eskaleringskøen"),
        gettext_lazy("Sat tilbage i eskaleringskøen"),
    )
