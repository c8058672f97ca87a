"""Editors curate target groups and themes as snippets; regions and municipalities are reference data."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import TargetGroup, Theme


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class VocabularyViewSetGroup(SnippetViewSetGroup):
    items = (TargetGroupViewSet, ThemeViewSet)
    menu_icon = "tag"
    menu_label = _("Målgrupper og temaer")
    menu_name = "vocabularies"


register_snippet(VocabularyViewSetGroup)
