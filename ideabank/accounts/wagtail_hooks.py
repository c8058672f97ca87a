"""Organisations and invitations in the Wagtail admin for administrators, and deleting accounts."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ideabank.accounts.roles import is_administrator
from ideabank.errors import Conflict

from . import privacy
from .models import Invitation, Organisation, User
from .views_privacy import AdminDeleteUserView, AdminExportView


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "region"]
    list_filter = ["kind", "region"]
    search_fields = ["name"]


class InvitationViewSet(SnippetViewSet):
    model = Invitation
    icon = "mail"
    list_display = ["email", "organisation", "created", "used_at", "get_signup_path"]


class AccountsViewSetGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, InvitationViewSet)
    menu_icon = "group"
    menu_label = _("Organisationer")
    menu_name = "organisations"


register_snippet(AccountsViewSetGroup)


# ---- deleting accounts and exporting their data (administrators) -------------------------------


@hooks.register("register_admin_urls")
def register_privacy_admin_urls():
    return [
        path("konti/<id:pk>/slet/", AdminDeleteUserView.as_view(), name="ideabank_accounts_admin_delete"),
        path("konti/<id:pk>/data/", AdminExportView.as_view(), name="ideabank_accounts_admin_export"),
    ]


@hooks.register("before_delete_user")
def delete_by_anonymising(request, user):
    """Wagtail's "Delete user" would remove the row and cascade; ours anonymises and logs instead."""
    return redirect("ideabank_accounts_admin_delete", user.pk)


@hooks.register("before_bulk_action")
def bulk_delete_by_anonymising(request, action_type, objects, action):
    if action_type != "delete" or action.model is not User:
        return None
    deleted = 0
    for user in objects:
        try:
            privacy.delete_account(user, acting=request.user)
            deleted += 1
        except (Conflict, PermissionDenied) as refusal:
            messages.error(request, f"{user}: {refusal}")
    messages.success(
        request,
        ngettext("%(count)s konto er slettet og logget.", "%(count)s konti er slettet og logget.", deleted)
        % {"count": deleted},
    )
    return redirect(action.next_url or reverse("wagtailusers_users:index"))


@hooks.register("register_user_listing_buttons")
def user_data_button(user, request_user):
    if not is_administrator(request_user):
        return []
    url = reverse("ideabank_accounts_admin_export", args=[user.pk])
    return [Button(_("Hent data (JSON)"), url=url, icon_name="download", priority=60)]


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    @actions.register_action(privacy.DELETE_ACTION)
    class AccountDeletedFormatter(LogFormatter):
        label = _("Konto slettet")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            who = _("af en administrator") if data.get("by_administrator") else _("af brugeren selv")
            return _("Konto %(id)s (%(organisation)s) slettet %(who)s") % {
                "id": data.get("user_id", log_entry.object_id),
                "organisation": data.get("organisation") or "–",
                "who": who,
            }
