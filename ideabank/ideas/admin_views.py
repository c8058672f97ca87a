"""Moderation in the Wagtail admin: the reports queue, the ideas list and the actions on ideas,
comments and users.

The views only collect a moderator's decision and hand it to services.py, which holds the rules
and writes the audit log. Every action is a confirmation page (GET) and a CSRF-protected POST.
"""

from dataclasses import dataclass
from datetime import datetime

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import CharField, Count, F, Min, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.menu import MenuItem as SidebarMenuItem
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, ButtonsColumnMixin, Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import BaseListingView, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.widgets.button import Button, ListingButton
from wagtail.models import ModelLogEntry

from ideabank.accounts.roles import is_moderator
from ideabank.errors import Conflict
from ideabank.forms import PersonalDataGuardMixin
from ideabank.ids import IdChoiceField, parse_id
from ideabank.next_url import local_next_url

from . import services
from .models import Comment, Idea, Report, Stage
from .templatetags.ideas import user_text

User = get_user_model()

PUBLIC_STATUSES = (Idea.Status.PUBLISHED, Idea.Status.ARCHIVED)


class ModeratorRequiredMixin:
    """Moderators and everyone above them; Wagtail turns the refusal into a redirect with a message."""

    def dispatch(self, request, *args, **kwargs):
        if not is_moderator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ModeratorMenuItem(SidebarMenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)


def with_next(url, next_url):
    """Link to an action page that returns to `next_url` afterwards."""
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


# ---- confirmation + POST actions -------------------------------------------------------------


class ReasonForm(PersonalDataGuardMixin, forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Begrundelse"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Valgfri. Gemmes i loggen, så andre moderatorer kan se hvorfor."),
    )


class ModerationActionView(ModeratorRequiredMixin, WagtailAdminTemplateMixin, FormView):
    """A confirmation page for one moderation action; the POST calls the service and reports back."""

    template_name = "ideas/admin/confirm_action.html"
    form_class = forms.Form
    index_url_name = None
    index_label = ""
    confirmation_message = ""
    submit_label = gettext_lazy("Bekræft")
    submit_classname = "button"
    success_message = ""
    unavailable_message = gettext_lazy("Handlingen passer ikke til indholdets nuværende status.")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = self.get_object()

    def get_object(self):
        raise NotImplementedError

    def is_available(self):
        """Whether the action makes sense for the object's current state (buttons are only offered then)."""
        return True

    def perform(self, cleaned_data):
        raise NotImplementedError

    def get_page_subtitle(self):
        return Truncator(str(self.object)).chars(80)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": self.index_label},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_success_url(self):
        return local_next_url(self.request) or reverse(self.index_url_name)

    def get_success_message(self):
        return self.success_message % {"object": Truncator(str(self.object)).chars(80)}

    def get(self, request, *args, **kwargs):
        if not self.is_available():
            messages.error(request, str(self.unavailable_message))
            return redirect(self.get_success_url())
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.is_available():
            messages.error(request, str(self.unavailable_message))
            return redirect(self.get_success_url())
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            self.perform(form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        except (PermissionDenied, Conflict) as error:
            messages.error(self.request, str(error) or _("Du har ikke lov til at gøre dette."))
            return redirect(self.get_success_url())
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object,
            next_url=local_next_url(self.request),
            cancel_url=self.get_success_url(),
            confirmation_message=self.confirmation_message,
            submit_label=self.submit_label,
            submit_classname=self.submit_classname,
            open_reports=self.get_open_reports(),
        )
        return context

    def get_open_reports(self):
        return []


def open_reports_for(target):
    field = "idea" if isinstance(target, Idea) else "comment"
    return list(
        Report.objects.filter(**{field: target}, handled_at__isnull=True)
        .select_related("reporter", "reporter__organisation")
        .order_by("created")
    )


class TargetActionView(ModerationActionView):
    """An action on an idea or a comment; `kind` (from the URL or the route's kwargs) says which."""

    template_name = "ideas/admin/confirm_target_action.html"

    def get_object(self):
        kind = self.kwargs.get("kind", "idea")
        if kind == "idea":
            ideas = Idea.objects.select_related("author", "organisation")
            return get_object_or_404(ideas, pk=self.kwargs["pk"])
        if kind == "comment":
            comments = Comment.objects.select_related("author", "author__organisation", "idea")
            return get_object_or_404(comments, pk=self.kwargs["pk"])
        raise Http404

    def get_open_reports(self):
        return open_reports_for(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_idea"] = isinstance(self.object, Idea)
        context["status_label"] = self.object.get_status_display()
        return context


class HideView(TargetActionView):
    page_title = gettext_lazy("Skjul indhold")
    form_class = ReasonForm
    header_icon = "no-view"
    confirmation_message = gettext_lazy(
        "Indholdet skjules for alle andre end forfatteren og moderatorerne, og de åbne anmeldelser "
        "afgøres som berettigede."
    )
    submit_label = gettext_lazy("Ja, skjul")
    submit_classname = "button serious"
    success_message = gettext_lazy("«%(object)s» er skjult.")

    def is_available(self):
        if isinstance(self.object, Idea):
            return self.object.status in (Idea.Status.PUBLISHED, Idea.Status.HIDDEN, Idea.Status.PENDING)
        return self.object.status in (Comment.Status.VISIBLE, Comment.Status.HIDDEN)

    def perform(self, cleaned_data):
        services.hide(self.request.user, self.object, reason=cleaned_data.get("reason", ""))


class RestoreView(TargetActionView):
    page_title = gettext_lazy("Gendan / afvis anmeldelser")
    header_icon = "view"
    confirmation_message = gettext_lazy(
        "Indholdet bliver synligt igen (eller forbliver synligt), og de åbne anmeldelser afvises."
    )
    submit_label = gettext_lazy("Ja, gendan")
    success_message = gettext_lazy("«%(object)s» er synligt, og anmeldelserne er afvist.")

    def is_available(self):
        # Restoring publishes: never for drafts, pending or merged ideas, nor comments their authors deleted.
        if isinstance(self.object, Idea):
            return self.object.status in (Idea.Status.PUBLISHED, Idea.Status.HIDDEN)
        return self.object.status in (Comment.Status.VISIBLE, Comment.Status.HIDDEN)

    def perform(self, cleaned_data):
        services.restore(self.request.user, self.object)


class ApproveView(TargetActionView):
    page_title = gettext_lazy("Godkend idé")
    header_icon = "check"
    confirmation_message = gettext_lazy("Idéen offentliggøres og bliver synlig for alle.")
    submit_label = gettext_lazy("Ja, godkend")
    success_message = gettext_lazy("«%(object)s» er godkendt og offentliggjort.")

    def is_available(self):
        return isinstance(self.object, Idea) and self.object.status == Idea.Status.PENDING

    def perform(self, cleaned_data):
        services.approve(self.request.user, self.object)


class TitleSearchFilterForm(BaseFilterForm):
    """Searches titles in the database, so ideas loaded in bulk (not yet indexed) are found too."""

    q = forms.CharField(
        label=gettext_lazy("Søg"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": gettext_lazy("Søg i titler")}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            self.is_searching = True
            self.search_query = query
            if parse_id(query):
                return objects.filter(pk=parse_id(query)) | objects.filter(title__icontains=query)
            return objects.filter(title__icontains=query)
        return objects


class PublishedIdeasMixin:
    """The chooser offers published ideas only, minus the duplicate being merged (`?exclude=`)."""

    filter_form_class = TitleSearchFilterForm

    def get_object_list(self):
        ideas = Idea.objects.filter(status__in=PUBLIC_STATUSES).select_related("organisation")
        exclude = parse_id(self.request.GET.get("exclude", ""))
        if exclude:
            ideas = ideas.exclude(pk=exclude)
        return ideas.order_by("-published_at", "-pk")

    @cached_property
    def columns(self):
        return [
            *super().columns,
            Column("organisation", label=_("Organisation")),
            Column("vote_count", label=_("Stemmer")),
        ]


class IdeaChooseView(ModeratorRequiredMixin, PublishedIdeasMixin, ChooseView):
    pass


class IdeaChooseResultsView(ModeratorRequiredMixin, PublishedIdeasMixin, ChooseResultsView):
    pass


class MergeForm(PersonalDataGuardMixin, forms.Form):
    into = IdChoiceField(
        label=gettext_lazy("Læg sammen med"),
        queryset=Idea.objects.filter(status__in=PUBLIC_STATUSES),
        help_text=gettext_lazy("Den offentliggjorte idé, som dubletten skal lægges ind under."),
        error_messages={
            "invalid_choice": gettext_lazy(
                "Vælg en offentliggjort idé. Den valgte findes ikke eller er ikke offentlig."
            )
        },
    )

    def __init__(self, *args, duplicate, widget_class=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = self.fields["into"].queryset.exclude(pk=duplicate.pk)
        if widget_class is not None:

            class ExcludingDuplicate(widget_class):
                def get_chooser_modal_url(self):
                    return f"{super().get_chooser_modal_url()}?{urlencode({'exclude': duplicate.pk})}"

            self.fields["into"].widget = ExcludingDuplicate()


class MergeView(TargetActionView):
    form_class = MergeForm
    page_title = gettext_lazy("Læg dublet sammen")
    header_icon = "resubmit"
    confirmation_message = gettext_lazy(
        "Stemmer, kommentarer, afprøvninger og følgere flyttes til den valgte idé (en stemme tæller aldrig "
        "dobbelt), og dublettens adresse sender videre dertil."
    )
    submit_label = gettext_lazy("Læg sammen")
    submit_classname = "button serious"
    chooser_widget_class = None

    def is_available(self):
        return isinstance(self.object, Idea) and self.object.status not in (Idea.Status.MERGED, Idea.Status.DRAFT)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "duplicate": self.object, "widget_class": self.chooser_widget_class}

    def perform(self, cleaned_data):
        self.into = cleaned_data["into"]
        services.merge(self.request.user, self.object, self.into)

    def get_success_message(self):
        return _("«%(duplicate)s» er lagt sammen med «%(into)s».") % {
            "duplicate": Truncator(self.object.title).chars(80),
            "into": Truncator(self.into.title).chars(80),
        }


# ---- users -----------------------------------------------------------------------------------


class UserActionView(ModerationActionView):
    template_name = "ideas/admin/confirm_user_action.html"

    def get_object(self):
        return get_object_or_404(User.objects.select_related("organisation"), pk=self.kwargs["pk"])


class BlockUserView(UserActionView):
    page_title = gettext_lazy("Bloker bruger")
    form_class = ReasonForm
    header_icon = "lock"
    confirmation_message = gettext_lazy(
        "Brugeren logges ud med det samme og kan ikke logge ind igen, før blokeringen ophæves. "
        "Indhold, brugeren allerede har delt, bliver stående."
    )
    submit_label = gettext_lazy("Ja, bloker")
    submit_classname = "button serious"
    success_message = gettext_lazy("%(object)s er blokeret.")

    def is_available(self):
        return self.object.is_active

    def perform(self, cleaned_data):
        services.block_user(self.request.user, self.object, reason=cleaned_data.get("reason", ""))


class UnblockUserView(UserActionView):
    page_title = gettext_lazy("Ophæv blokering")
    header_icon = "lock-open"
    confirmation_message = gettext_lazy("Brugeren kan logge ind igen.")
    submit_label = gettext_lazy("Ja, ophæv blokeringen")
    success_message = gettext_lazy("Blokeringen af %(object)s er ophævet.")

    def is_available(self):
        return not self.object.is_active

    def perform(self, cleaned_data):
        services.unblock_user(self.request.user, self.object)


class ButtonsTitleColumn(ButtonsColumnMixin, TitleColumn):
    """A title cell with the row's actions underneath, built by the view for each row."""

    def __init__(self, *args, get_buttons, **kwargs):
        super().__init__(*args, **kwargs)
        self._get_buttons = get_buttons

    def get_buttons(self, instance, parent_context):
        return self._get_buttons(instance)


class BlockedUsersView(ModeratorRequiredMixin, BaseListingView):
    """Blocked (inactive) users, newest block first, with the way back in."""

    page_title = gettext_lazy("Blokerede brugere")
    verbose_name_plural = gettext_lazy("blokerede brugere")
    paginate_by = 30
    is_searchable = True
    search_fields = ["display_name", "email"]
    search_backend_name = None
    default_ordering = "-blocked_at"
    unblock_url_name = None

    def get_base_queryset(self):
        blocks = ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(User),
            object_id=Cast(OuterRef("pk"), CharField()),
            action="ideabank.block",
        ).order_by("-timestamp")
        return (
            User.objects.filter(is_active=False, deleted_at__isnull=True)  # deleted accounts are not blocked
            .select_related("organisation")
            .annotate(blocked_at=Subquery(blocks.values("timestamp")[:1]))
        )

    def order_queryset(self, queryset):
        field = self.ordering.lstrip("-")
        expression = F(field).desc(nulls_last=True) if self.ordering.startswith("-") else F(field).asc(nulls_last=True)
        return queryset.order_by(expression, "display_name", "pk")

    @cached_property
    def columns(self):
        return [
            ButtonsTitleColumn("display_name", label=_("Navn"), sort_key="display_name", get_buttons=self.row_buttons),
            Column("email", label=_("E-mail")),
            Column("organisation", label=_("Organisation")),
            DateColumn("blocked_at", label=_("Blokeret"), sort_key="blocked_at"),
        ]

    def row_buttons(self, user):
        url = with_next(reverse(self.unblock_url_name, args=[user.pk]), self.index_url)
        return [ListingButton(_("Ophæv blokering"), url=url, icon_name="lock-open", priority=10)]


# ---- the reports queue -----------------------------------------------------------------------


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
        return (
            Report.objects.filter(handled_at__isnull=True)
            .values("idea_id", "comment_id")
            .annotate(count=Count("pk"), first_reported=Min("created"))
        )

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
        """Turn a page of grouped values into rows with their targets and reasons (three queries)."""
        idea_ids = [group["idea_id"] for group in groups if group["idea_id"]]
        comment_ids = [group["comment_id"] for group in groups if group["comment_id"]]
        ideas = Idea.objects.select_related("author", "organisation").in_bulk(idea_ids)
        comments = Comment.objects.select_related("author", "idea").in_bulk(comment_ids)
        reasons = {}
        labels = dict(Report.Reason.choices)
        reason_rows = Report.objects.filter(handled_at__isnull=True).filter(
            Q(idea_id__in=idea_ids) | Q(comment_id__in=comment_ids)
        )
        for row in reason_rows.values("idea_id", "comment_id", "reason").annotate(n=Count("pk")).order_by("reason"):
            key = (row["idea_id"], row["comment_id"])
            reasons.setdefault(key, []).append(f"{labels.get(row['reason'], row['reason'])} ({row['n']})")
        rows = []
        for group in groups:
            target = ideas.get(group["idea_id"]) if group["idea_id"] else comments.get(group["comment_id"])
            if target is None:
                continue
            key = (group["idea_id"], group["comment_id"])
            rows.append(QueueRow(target, group["count"], group["first_reported"], ", ".join(reasons.get(key, []))))
        return rows

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


# ---- ideas -----------------------------------------------------------------------------------


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
        context["open_reports"] = open_reports_for(self.object)
        return context


class IdeaHistoryView(ModeratorRequiredMixin, HistoryView):
    pass


# ---- dashboard -------------------------------------------------------------------------------


class ModerationPanel(Component):
    """The moderator's to-do list on the admin dashboard."""

    name = "ideabank_moderation"
    template_name = "ideas/admin/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context=None):
        open_reports = Report.objects.filter(handled_at__isnull=True)
        return {
            "open_reports": open_reports.count(),
            "reported_items": open_reports.values("idea_id", "comment_id").distinct().count(),
            "pending_ideas": Idea.objects.filter(status=Idea.Status.PENDING).count(),
            "hidden_by_reports": self.hidden_pending_review(),
            "queue_url": reverse("moderation_reports:index"),
            "pending_url": reverse("moderation_ideas:index") + "?status=pending",
        }

    @staticmethod
    def hidden_pending_review():
        """Content the threshold hid that no moderator has looked at yet."""
        waiting = {"status": "hidden", "hidden_by_reports": True, "reports__handled_at__isnull": True}
        ideas = Idea.objects.filter(**waiting).values("pk").distinct().count()
        return ideas + Comment.objects.filter(**waiting).values("pk").distinct().count()
