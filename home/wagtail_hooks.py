"""The admin's own face: labels Wagtail would otherwise freeze in the language of the first request."""

import copy

from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy
from wagtail import hooks
from wagtail.utils.version import get_main_version

capfirst_lazy = lazy(capfirst, str)


@hooks.register("construct_help_menu")
def translate_whats_new(request, menu_items):
    """Wagtail builds "What's new in Wagtail 8.0" once per process, in whatever language the first visitor
    used; give each request its own copy in the request's language."""
    version = get_main_version(include_patch=False)
    for position, item in enumerate(menu_items):
        if item.name == f"whats-new-in-wagtail-{version}":
            fresh = copy.copy(item)
            fresh.label = gettext("What's new in Wagtail %(version)s") % {"version": version}
            menu_items[position] = fresh


def _label_site_columns():
    """Wagtail 8.0's site listing names three columns after their fields in English ("Root page"); use the
    fields' translated verbose names instead."""
    from wagtail.models import Site
    from wagtail.sites.views import IndexView

    for column in IndexView.columns:
        if column.name in ("port", "site_name", "root_page"):
            column.label = capfirst_lazy(Site._meta.get_field(column.name).verbose_name)


_label_site_columns()


def _label_login_password():
    """Wagtail 8.0's admin sign-in form leaves its password field unlabelled, so Django shows the field's
    name, "Password", in English; give it the translated label."""
    from wagtail.admin.forms.auth import LoginForm

    LoginForm.base_fields["password"].label = gettext_lazy("Password")


_label_login_password()
