"""Confirmation pages for the moderation actions on ideas and comments: hide, restore, approve, merge."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
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
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView

from ideabank.errors import Conflict
from ideabank.forms import PersonalDataGuardMixin
from ideabank.ids import IdChoiceField, parse_id
from ideabank.next_url import local_next_url

from .. import queries, services
from ..models import Comment, Idea
from .common import ModeratorRequiredMixin

PUBLIC_STATUSES = (Idea.Status.PUBLISHED, Idea.Status.ARCHIVED)


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
        return queries.open_reports(self.object)

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
