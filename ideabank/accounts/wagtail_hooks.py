"""Organisations and invitations in the Wagtail admin for administrators."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Invitation, Organisation


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
