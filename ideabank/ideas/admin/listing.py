"""The moderators' ideas listing, an idea's details (inspect) and its history, with the actions it allows."""

import django_filters
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.widgets.button import Button

from .. import queries
from ..models import Idea, Stage
from ..templatetags.ideas import user_text
from .common import ModeratorRequiredMixin, with_next


class IdeaFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=[choice for choice in Idea.Status.choices if choice[0] != Idea.Status.DRAFT],
        empty_label=gettext_lazy("Alle"),
    )
    stage = django_filters.ChoiceFilter(
        label=gettext_lazy("Trin"), choices=Stage.choices, empty_label=gettext_lazy("Alle")
    )
    hidden_by_reports = django_filters.BooleanFilter(label=gettext_lazy("Skjult af anmeldelser"))

    class Meta:
        model = Idea
        fields = ["status", "stage", "hidden_by_reports"]


class IdeaButtonsMixin:
    """The actions a moderator may take on an idea in its current state."""

    action_url_names = {}
    block_url_name = None
    unblock_url_name = None

    def action_menu_items(self, idea, next_url):
        def url(name, *args):
            return with_next(reverse(self.action_url_names[name], args=args or [idea.pk]), next_url)

        items = []
        if idea.status == Idea.Status.PENDING:
            items.append(MenuItem(_("Godkend"), url("approve"), icon_name="check", priority=10))
        if idea.status in (Idea.Status.PUBLISHED, Idea.Status.PENDING):
            items.append(MenuItem(_("Skjul"), url("hide"), icon_name="no-view", priority=20))
        if idea.status == Idea.Status.HIDDEN:
            items.append(MenuItem(_("Gendan"), url("restore"), icon_name="view", priority=20))
        if idea.status not in (Idea.Status.MERGED, Idea.Status.DRAFT):
            items.append(MenuItem(_("Læg sammen med en anden idé"), url("merge"), icon_name="resubmit", priority=30))
        author = idea.author
        if author is not None and author.pk != self.request.user.pk:
            if author.is_active:
                block = with_next(reverse(self.block_url_name, args=[author.pk]), next_url)
                items.append(MenuItem(_("Bloker forfatteren"), block, icon_name="lock", priority=40))
            else:
                unblock = with_next(reverse(self.unblock_url_name, args=[author.pk]), next_url)
                items.append(MenuItem(_("Ophæv blokering af forfatteren"), unblock, icon_name="lock-open", priority=40))
        items.append(MenuItem(_("Historik"), reverse(self.action_url_names["history"], args=[idea.pk]), "history", 50))
        if idea.status != Idea.Status.DRAFT:
            items.append(MenuItem(_("Vis på siden"), idea.get_absolute_url(), icon_name="link-external", priority=60))
        return items


class IdeaIndexView(ModeratorRequiredMixin, IdeaButtonsMixin, IndexView):
    """All ideas but private drafts, for moderators to find and act on."""

    page_title = gettext_lazy("Idéer")

    def get_base_queryset(self):
        return super().get_base_queryset().exclude(status=Idea.Status.DRAFT).select_related("organisation", "author")

    def get_list_more_buttons(self, instance):
        inspect = MenuItem(_("Vis detaljer"), self.get_inspect_url(instance), icon_name="info-circle", priority=5)
        return [inspect, *self.action_menu_items(instance, self.listing_url)]

    @cached_property
    def listing_url(self):
        """This listing with its filters, also when the request is the results-only refresh."""
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        return f"{self.index_url}?{query.urlencode()}" if query else self.index_url


class IdeaInspectView(ModeratorRequiredMixin, IdeaButtonsMixin, InspectView):
    template_name = "ideas/admin/inspect_idea.html"
    page_title = gettext_lazy("Detaljer")
    FIELDS = [
        "title",
        "status",
        "stage",
        "organisation",
        "author",
        "problem",
        "solution",
        "context",
        "results",
        "vote_count",
        "comment_count",
        "created",
        "published_at",
        "merged_into",
        "hidden_by_reports",
    ]

    def get_field_label(self, field_name, field):
        if field_name == "hidden_by_reports":
            return _("Skjult af anmeldelser")
        return super().get_field_label(field_name, field)

    def get_object(self, queryset=None):
        return get_object_or_404(
            Idea.objects.exclude(status=Idea.Status.DRAFT).select_related("author", "organisation", "merged_into"),
            pk=self.pk,
        )

    def get_problem_display_value(self):
        return user_text(self.object.problem)

    def get_solution_display_value(self):
        return user_text(self.object.solution)

    def get_context_display_value(self):
        return user_text(self.object.context) or "–"

    def get_results_display_value(self):
        return user_text(self.object.results) or "–"

    def get_hidden_by_reports_display_value(self):
        return _("Ja") if self.object.hidden_by_reports else _("Nej")

    @cached_property
    def header_more_buttons(self):
        return [Button.from_menu_item(item) for item in self.action_menu_items(self.object, self.request.path)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["open_reports"] = queries.open_reports(self.object)
        return context


class IdeaHistoryView(ModeratorRequiredMixin, HistoryView):
    pass
