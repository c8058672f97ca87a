"""The reports queue: open reports grouped by what they report, one row per idea or comment."""

from dataclasses import dataclass
from datetime import datetime

import django_filters
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.admin.widgets.button import ListingButton

from .. import queries
from ..models import Comment, Idea, Report
from .common import ButtonsTitleColumn, ModeratorRequiredMixin, with_next


@dataclass
class QueueRow:
    """One reported idea or comment with its open reports summed up."""

    target: Idea | Comment
    count: int
    first_reported: datetime
    reasons: str

    @property
    def pk(self):
        return f"{self.kind}-{self.target.pk}"

    @property
    def kind(self):
        return "idea" if isinstance(self.target, Idea) else "comment"

    @property
    def kind_label(self):
        return _("Idé") if self.kind == "idea" else _("Kommentar")

    @property
    def excerpt(self):
        text = self.target.title if self.kind == "idea" else self.target.body
        return Truncator(" ".join(text.split())).chars(120)

    @property
    def hidden_by_reports(self):
        return self.target.hidden_by_reports

    @property
    def status_label(self):
        return self.target.get_status_display()

    @property
    def idea(self):
        return self.target if self.kind == "idea" else self.target.idea

    @property
    def author(self):
        return self.target.author


class QueueFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Type"),
        choices=[("idea", gettext_lazy("Idéer")), ("comment", gettext_lazy("Kommentarer"))],
        method="filter_kind",
        empty_label=gettext_lazy("Alle"),
    )

    class Meta:
        model = Report
        fields = []

    def filter_kind(self, queryset, name, value):
        return queryset.filter(comment__isnull=True) if value == "idea" else queryset.filter(idea__isnull=True)


class QueuePaginator(WagtailPaginator):
    """Counts rows (reported ideas and comments), not the reports behind them."""

    verbose_name = gettext_lazy("anmeldt idé eller kommentar")
    verbose_name_plural = gettext_lazy("anmeldte idéer og kommentarer")


class ReportQueueView(ModeratorRequiredMixin, BaseListingView):
    """Open reports grouped by what they report: one row per idea or comment."""

    page_title = gettext_lazy("Anmeldelser")
    verbose_name_plural = gettext_lazy("åbne anmeldelser")
    paginator_class = QueuePaginator
    paginate_by = 25
    default_ordering = "-count"
    filterset_class = QueueFilterSet
    hide_url_name = None
    restore_url_name = None
    block_url_name = None

    def get_base_queryset(self):
        return queries.report_groups()

    def get_valid_orderings(self):
        return ["count", "-count", "first_reported", "-first_reported"]

    def order_queryset(self, queryset):
        # Ties fall back to the oldest report first, then a stable key, so pages never overlap.
        return queryset.order_by(self.ordering, "first_reported", "idea_id", "comment_id")

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = self.hydrate(list(rows))
        return paginator, page, page.object_list, is_paginated

    def hydrate(self, groups):
        """Turn a page of grouped values into rows with their targets and reasons."""
        return [
            QueueRow(target, group["count"], group["first_reported"], ", ".join(reasons))
            for group, target, reasons in queries.reported_targets(groups)
        ]

    @cached_property
    def columns(self):
        return [
            ButtonsTitleColumn(
                "excerpt",
                label=_("Indhold"),
                get_url=lambda row: row.idea.get_absolute_url(),
                get_buttons=self.row_buttons,
            ),
            Column("kind_label", label=_("Type")),
            Column("reasons", label=_("Årsager")),
            Column("count", label=_("Anmeldelser"), sort_key="count"),
            DateColumn("first_reported", label=_("Først anmeldt"), sort_key="first_reported"),
            Column("status_label", label=_("Status")),
            BooleanColumn("hidden_by_reports", label=_("Skjult af anmeldelser")),
        ]

    def row_buttons(self, row):
        back = self.index_url
        args = [row.kind, row.target.pk]
        buttons = []
        target = row.target
        hideable = target.status in (Idea.Status.PUBLISHED, Idea.Status.PENDING, Comment.Status.VISIBLE)
        hidden = target.status == Idea.Status.HIDDEN  # the same value for ideas and comments
        if hideable or hidden:
            label = _("Bekræft skjult") if hidden else _("Skjul")
            url = with_next(reverse(self.hide_url_name, args=args), back)
            buttons.append(ListingButton(label, url=url, icon_name="no-view", priority=10))
        if target.status in (Idea.Status.PUBLISHED, Idea.Status.HIDDEN, Comment.Status.VISIBLE):
            label = _("Gendan") if hidden else _("Afvis anmeldelser")
            url = with_next(reverse(self.restore_url_name, args=args), back)
            buttons.append(ListingButton(label, url=url, icon_name="view", priority=20))
        if row.author and row.author.is_active and row.author.pk != self.request.user.pk:
            url = with_next(reverse(self.block_url_name, args=[row.author.pk]), back)
            buttons.append(ListingButton(_("Bloker forfatter"), url=url, icon_name="lock", priority=30))
        return buttons
