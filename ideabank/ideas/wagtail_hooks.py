"""Moderation in the Wagtail admin: the Moderation menu (reports queue, ideas, blocked users), the
audit-log wording of moderation actions and the moderator's dashboard panel.

Only moderators and the roles above them see any of it; the views check the role again.
"""

from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter

from ideabank.accounts.roles import is_moderator

from .admin import actions, common, listing, queue, users
from .admin.panels import ModerationPanel
from .models import Idea

MODERATION_ACTIONS = (
    "ideabank.auto_hide",
    "ideabank.hide",
    "ideabank.restore",
    "ideabank.approve",
    "ideabank.merge",
    "ideabank.block",
    "ideabank.unblock",
    "ideabank.attachment_removed",  # ideabank/attachments: a moderator or editor removed a file
)


class ModerationActionsMixin:
    def action(self, view_class, **kwargs):
        """An action page; its own icon wins over the viewset's."""
        return self.construct_view(view_class, index_label=self.menu_label, header_icon=ViewSet.UNDEFINED, **kwargs)


class ListingViewSet(ModerationActionsMixin, ViewSet):
    """A listing with its action pages, for models that already have their own admin elsewhere."""

    menu_item_class = common.ModeratorMenuItem
    index_view_class = None

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            index_url_name=self.get_url_name("index"),
            index_results_url_name=self.get_url_name("index_results"),
            header_icon=self.icon,
            **kwargs,
        )

    def get_listing_kwargs(self):
        return {}

    def listing_urlpatterns(self):
        return [
            path("", self.construct_view(self.index_view_class, **self.get_listing_kwargs()), name="index"),
            path(
                "results/",
                self.construct_view(self.index_view_class, results_only=True, **self.get_listing_kwargs()),
                name="index_results",
            ),
        ]


class ReportQueueViewSet(ListingViewSet):
    name = "moderation_reports"
    url_prefix = "moderation/reports"
    icon = "warning"
    menu_label = gettext_lazy("Anmeldelser")
    index_view_class = queue.ReportQueueView

    def get_listing_kwargs(self):
        return {
            "hide_url_name": self.get_url_name("hide"),
            "restore_url_name": self.get_url_name("restore"),
            "block_url_name": "moderation_users:block",
        }

    def get_urlpatterns(self):
        return [
            *self.listing_urlpatterns(),
            path("hide/<str:kind>/<id:pk>/", self.action(actions.HideView), name="hide"),
            path("restore/<str:kind>/<id:pk>/", self.action(actions.RestoreView), name="restore"),
        ]


class BlockedUsersViewSet(ListingViewSet):
    name = "moderation_users"
    url_prefix = "moderation/users"
    icon = "lock"
    menu_label = gettext_lazy("Blokerede brugere")
    index_view_class = users.BlockedUsersView

    def get_listing_kwargs(self):
        return {"unblock_url_name": self.get_url_name("unblock")}

    def get_urlpatterns(self):
        return [
            *self.listing_urlpatterns(),
            path("block/<id:pk>/", self.action(users.BlockUserView), name="block"),
            path("unblock/<id:pk>/", self.action(users.UnblockUserView), name="unblock"),
        ]


class IdeaChooserViewSet(ChooserViewSet):
    """Picks the published idea a duplicate is merged into."""

    model = Idea
    icon = "doc-full"
    url_prefix = "moderation/idea-chooser"
    choose_one_text = gettext_lazy("Vælg idé")
    choose_another_text = gettext_lazy("Vælg en anden idé")
    edit_item_text = gettext_lazy("Vis idé")
    choose_view_class = actions.IdeaChooseView
    choose_results_view_class = actions.IdeaChooseResultsView
    preserve_url_parameters = ["multiple", "exclude"]
    # Only the merge form uses it; other admin forms keep their own widgets for Idea foreign keys.
    register_widget = False


idea_chooser = IdeaChooserViewSet("moderation_idea_chooser")


class IdeaModerationViewSet(ModerationActionsMixin, ModelViewSet):
    """Ideas for moderators: list, details, history and actions. No add, edit or delete here —
    ideas change only through the rules in services.py."""

    model = Idea
    name = "moderation_ideas"
    url_prefix = "moderation/ideas"
    icon = "doc-full"
    menu_label = gettext_lazy("Idéer")
    menu_item_class = common.ModeratorMenuItem
    index_view_class = listing.IdeaIndexView
    inspect_view_class = listing.IdeaInspectView
    history_view_class = listing.IdeaHistoryView
    inspect_view_enabled = True
    inspect_view_fields = listing.IdeaInspectView.FIELDS
    copy_view_enabled = False
    add_to_reference_index = False
    list_per_page = 30
    ordering = "-created"
    filterset_class = listing.IdeaFilterSet
    search_fields = ["title"]
    # The database, not the search index: ideas loaded in bulk are found before they are indexed.
    search_backend_name = None
    list_display = [
        "title",
        "status",
        "stage",
        "organisation",
        "author",
        "vote_count",
        "comment_count",
        DateColumn("created", label=gettext_lazy("Oprettet"), sort_key="created"),
    ]

    def get_common_view_kwargs(self, **kwargs):
        actions = ("hide", "restore", "approve", "merge", "history")
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            usage_url_name=None,
            action_url_names={action: self.get_url_name(action) for action in actions},
            block_url_name="moderation_users:block",
            unblock_url_name="moderation_users:unblock",
            **kwargs,
        )

    @property
    def url_finder_class(self):
        # Log entries and choosers link to the details page, since there is no edit page.
        return type("IdeaAdminURLFinder", (ModelAdminURLFinder,), {"edit_url_name": self.get_url_name("inspect")})

    def get_urlpatterns(self):
        idea = {"kind": "idea"}
        merge = self.action(actions.MergeView, chooser_widget_class=idea_chooser.widget_class)
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<id:pk>/", self.inspect_view, name="inspect"),
            path("history/<id:pk>/", self.history_view, name="history"),
            path("history-results/<id:pk>/", self.history_results_view, name="history_results"),
            path("hide/<id:pk>/", self.action(actions.HideView), idea, name="hide"),
            path("restore/<id:pk>/", self.action(actions.RestoreView), idea, name="restore"),
            path("approve/<id:pk>/", self.action(actions.ApproveView), idea, name="approve"),
            path("merge/<id:pk>/", merge, idea, name="merge"),
        ]


class ModerationViewSetGroup(ViewSetGroup):
    items = (ReportQueueViewSet, IdeaModerationViewSet, BlockedUsersViewSet)
    menu_label = gettext_lazy("Moderation")
    menu_icon = "warning"
    menu_name = "moderation"
    menu_order = 150
    submenu_hook = "register_moderation_menu_item"


@hooks.register("register_admin_viewset")
def register_moderation_viewsets():
    return [ModerationViewSetGroup(), idea_chooser]


@hooks.register("register_moderation_menu_item")
def register_moderation_log_menu_item():
    """The audit log of moderation actions: Wagtail's site history, filtered to them."""
    query = urlencode([("action", action) for action in MODERATION_ACTIONS])
    url = f"{reverse('wagtailadmin_reports:site_history')}?{query}"
    return common.ModeratorMenuItem(
        gettext_lazy("Moderationslog"), url, name="moderation-log", icon_name="history", order=9
    )


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request, panels):
    if is_moderator(request.user):
        panels.append(ModerationPanel())


# ---- audit log -------------------------------------------------------------------------------


def _closed(log_entry):
    return (log_entry.data or {}).get("reports_closed") or 0


def _with_reason(message, log_entry):
    reason = ((log_entry.data or {}).get("reason") or "").strip()
    return _("%(message)s. Begrundelse: %(reason)s") % {"message": message, "reason": reason} if reason else message


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    @actions.register_action("ideabank.hide")
    class HideFormatter(LogFormatter):
        label = gettext_lazy("Skjul")

        def format_message(self, log_entry):
            count = _closed(log_entry)
            if count:
                message = ngettext(
                    "Skjult (%(count)s anmeldelse afgjort)", "Skjult (%(count)s anmeldelser afgjort)", count
                ) % {"count": count}
            else:
                message = _("Skjult")
            return _with_reason(message, log_entry)

    @actions.register_action("ideabank.restore")
    class RestoreFormatter(LogFormatter):
        label = gettext_lazy("Gendan")

        def format_message(self, log_entry):
            count = _closed(log_entry)
            if count:
                return ngettext(
                    "Gjort synlig igen (%(count)s anmeldelse afvist)",
                    "Gjort synlig igen (%(count)s anmeldelser afvist)",
                    count,
                ) % {"count": count}
            return _("Gjort synlig igen")

    @actions.register_action("ideabank.auto_hide")
    class AutoHideFormatter(LogFormatter):
        label = gettext_lazy("Skjult automatisk")

        def format_message(self, log_entry):
            count = (log_entry.data or {}).get("open_reports") or 0
            return ngettext(
                "Skjult automatisk efter %(count)s åben anmeldelse",
                "Skjult automatisk efter %(count)s åbne anmeldelser",
                count,
            ) % {"count": count}

    actions.register_action("ideabank.approve", gettext_lazy("Godkend"), gettext_lazy("Godkendt og offentliggjort"))

    @actions.register_action("ideabank.merge")
    class MergeFormatter(LogFormatter):
        label = gettext_lazy("Læg sammen")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            if not data.get("into"):
                return _("Lagt sammen med en anden idé")
            return _("Lagt sammen med «%(title)s» (idé %(into)s)") % {
                "title": data.get("title", ""),
                "into": data["into"],
            }

    @actions.register_action("ideabank.block")
    class BlockFormatter(LogFormatter):
        label = gettext_lazy("Bloker bruger")

        def format_message(self, log_entry):
            return _with_reason(_("Blokeret"), log_entry)

    actions.register_action("ideabank.unblock", gettext_lazy("Ophæv blokering"), gettext_lazy("Blokering ophævet"))
