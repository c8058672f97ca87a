"""Single sign-on providers in the Wagtail admin. Only administrators hold the model's permissions."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import IdentityProviderForm
from .models import IdentityProvider


class IdentityProviderViewSet(SnippetViewSet):
    model = IdentityProvider
    icon = "key"
    menu_label = _("Fælles login (SSO)")
    menu_name = "sso"
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["organisation", "issuer", "email_domains", "enabled"]
    list_filter = ["enabled"]
    edit_handler = ObjectList(
        [
            FieldPanel("organisation"),
            FieldPanel("issuer"),
            FieldPanel("client_id"),
            FieldPanel("client_secret"),
            FieldPanel("email_domains"),
            FieldPanel("enabled"),
        ],
        base_form_class=IdentityProviderForm,
    )


register_snippet(IdentityProviderViewSet)
