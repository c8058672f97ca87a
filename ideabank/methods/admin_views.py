"""The editor's workplace in the Wagtail admin: the escalation queue, assessments and promotions.

Views collect a decision and hand it to services.py, which holds the rules and writes the audit log.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ideabank.accounts.roles import is_editor
from ideabank.ideas.models import Idea
from ideabank.next_url import local_next_url

from . import charts, queries, services
from .forms import AssessmentForm, PromotionForm, SetAsideForm
from .models import MethodIndexPage, MethodPage

QUEUE_PAGE_SIZE = 50


class EditorRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_editor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class EditorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


def queue_url():
    return reverse("methods_admin:queue")


def home_crumb():
    return {"url": reverse("wagtailadmin_home"), "label": _("Kontrolpanel")}


def queue_crumb():
    return {"url": queue_url(), "label": _("Eskaleringskø")}


class EscalationQueueView(EditorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """The ideas waiting for an editor, searchable, filterable and sortable; each can be set aside."""

    template_name = "methods/admin/escalation_queue.html"
    page_title = gettext_lazy("Eskaleringskø")
    header_icon = "pick"

    def get_breadcrumbs_items(self):
        return [home_crumb(), {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = queries.QueueFilters.from_query(self.request.GET)
        min_votes, min_organisations = queries.thresholds()
        ideas = Paginator(queries.escalation_queue(filters=filters), QUEUE_PAGE_SIZE).get_page(
            self.request.GET.get("p")
        )
        context.update(
            ideas=ideas,
            filters=filters,
            choices=queries.queue_choices(filters),
            sort=filters.sort,
            sorts=queries.QUEUE_SORT_LABELS,
            min_votes=min_votes,
            min_organisations=min_organisations,
            set_aside_form=SetAsideForm(),
            set_aside=queries.set_aside_ideas()[:20],
        )
        return context


class SetAsideView(EditorRequiredMixin, View):
    """Snooze or dismiss an idea from the queue (with a reason), or bring it back."""

    def post(self, request, pk):
        idea = get_object_or_404(Idea, pk=pk)
        back = local_next_url(request) or queue_url()
        if request.POST.get("action") == "return":
            services.return_to_queue(request.user, idea)
            messages.success(request, _("“%(idea)s” er tilbage i køen.") % {"idea": idea.title})
            return redirect(back)
        form = SetAsideForm(request.POST)
        if form.is_valid():
            try:
                services.set_aside(request.user, idea, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
        if form.errors:
            for problem in form.problems():
                messages.error(request, problem)
            return redirect(back)
        done = _("“%(idea)s” er udsat.") if form.cleaned_data["kind"] == "snooze" else _("“%(idea)s” er afvist.")
        messages.success(request, done % {"idea": idea.title})
        return redirect(back)


class AssessView(EditorRequiredMixin, WagtailAdminTemplateMixin, FormView):
    """Score an idea or a method on the 11 elements with the idea in view; save a draft or the assessment."""

    template_name = "methods/admin/assess.html"
    form_class = AssessmentForm
    header_icon = "tasks"
    kind = "idea"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        model = Idea if self.kind == "idea" else MethodPage
        self.target = get_object_or_404(model, pk=kwargs["pk"])
        self.draft = None

    def get_page_title(self):
        return _("Vurdering af “%(title)s”") % {"title": self.target.title}

    def get_breadcrumbs_items(self):
        return [home_crumb(), queue_crumb(), {"url": "", "label": self.get_page_title()}]

    def get_initial(self):
        self.draft = services.assessment_draft(self.request.user, self.target)
        return AssessmentForm.initial_from_draft(self.draft.data) if self.draft else {}

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "draft":
            return self.save_draft(self.get_form())
        return super().post(request, *args, **kwargs)

    def save_draft(self, form):
        try:
            services.save_assessment_draft(self.request.user, self.target, **form.draft_data())
        except ValidationError as error:
            form.add_draft_errors(error)
            return self.form_invalid(form)
        messages.success(self.request, _("Kladden er gemt. Du kan fortsætte vurderingen senere."))
        return redirect(self.request.get_full_path())

    def form_valid(self, form):
        try:
            assessment = services.assess(
                self.request.user, self.target, scores=form.scores(), conclusion=form.cleaned_data["conclusion"]
            )
        except ValidationError as error:
            for key, problems in getattr(error, "message_dict", {None: error.messages}).items():
                field = f"{key}_justification" if f"{key}_justification" in form.fields else None
                for message in problems:
                    form.add_error(field, message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Vurderingen er gemt: %(conclusion)s (systemets forslag: %(suggested)s).")
            % {"conclusion": assessment.get_conclusion_display(), "suggested": assessment.get_suggested_display()},
        )
        return redirect(local_next_url(self.request) or self.request.path)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        history = list(services.assessment_history(self.target))
        latest = history[0] if history else None
        context.update(
            target=self.target,
            idea_facts=queries.idea_for_assessment(self.target) if self.kind == "idea" else None,
            draft=self.draft,
            suggested=context["form"].suggestion(),
            history=history,
            latest=latest,
            profile_chart=charts.profile_chart(latest.profile()) if latest else None,
        )
        return context


class PromoteView(EditorRequiredMixin, WagtailAdminTemplateMixin, FormView):
    """ "Løft til metode": a new draft method from the idea, or the idea added to an existing method."""

    template_name = "methods/admin/promote.html"
    form_class = PromotionForm
    header_icon = "upload"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.idea = get_object_or_404(Idea, pk=kwargs["pk"])

    def get_page_title(self):
        return _("Løft “%(title)s” til metode") % {"title": self.idea.title}

    def get_breadcrumbs_items(self):
        return [home_crumb(), queue_crumb(), {"url": "", "label": self.get_page_title()}]

    def form_valid(self, form):
        try:
            method, created = services.promote(self.request.user, self.idea, into=form.cleaned_data["into"])
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        if created:
            messages.success(self.request, _("Idéen er løftet til metoden “%(method)s”.") % {"method": method.title})
        else:
            messages.info(
                self.request, _("Idéen var allerede løftet til metoden “%(method)s”.") % {"method": method.title}
            )
        return redirect("wagtailadmin_pages:edit", method.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(idea=self.idea, refusal=services.promotion_refusal(self.idea))
        return context


class PinView(EditorRequiredMixin, View):
    """Put an idea in the queue before it crosses the thresholds, or take it out again."""

    def post(self, request, pk):
        idea = get_object_or_404(Idea, pk=pk)
        if request.POST.get("action") == "unpin":
            services.unpin(request.user, idea)
        else:
            services.pin(request.user, idea)
        return redirect(local_next_url(request) or queue_url())


class EditorPanel(Component):
    """The editor's dashboard: the queue, assessments in progress, methods awaiting review, open reports."""

    name = "ideabank_editor"
    template_name = "methods/admin/dashboard_panel.html"
    order = 40

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {
            **queries.editor_overview(self.user),
            "queue_url": queue_url(),
            "reports_url": reverse("moderation_reports:index"),
            "methods_url": reverse("wagtailadmin_explore", args=[services.method_index().pk])
            if MethodIndexPage.objects.exists()
            else "",
            "workflows_url": reverse("wagtailadmin_reports:workflow"),
        }
