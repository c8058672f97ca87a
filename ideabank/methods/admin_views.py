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

from ideabank.ideas.models import Idea
from ideabank.next_url import local_next_url

from . import charts, queries, services
from .forms import AssessmentForm, PromotionForm
from .models import MethodPage

QUEUE_PAGE_SIZE = 50


class EditorRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not services.is_editor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class EditorMenuItem(MenuItem):
    def is_shown(self, request):
        return services.is_editor(request.user)


def queue_url():
    return reverse("methods_admin:queue")


class EscalationQueueView(EditorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "methods/admin/escalation_queue.html"
    page_title = gettext_lazy("Eskaleringskø")
    header_icon = "pick"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sort = self.request.GET.get("sort", "votes")
        sort = sort if sort in queries.QUEUE_SORTS else "votes"
        min_votes, min_organisations = queries.thresholds()
        context.update(
            ideas=Paginator(queries.escalation_queue(sort), QUEUE_PAGE_SIZE).get_page(self.request.GET.get("p")),
            sort=sort,
            sorts=queries.QUEUE_SORT_LABELS,
            min_votes=min_votes,
            min_organisations=min_organisations,
        )
        return context


class AssessView(EditorRequiredMixin, WagtailAdminTemplateMixin, FormView):
    """Score an idea or a method on the 11 elements; earlier assessments stay listed below."""

    template_name = "methods/admin/assess.html"
    form_class = AssessmentForm
    header_icon = "tasks"
    kind = "idea"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        model = Idea if self.kind == "idea" else MethodPage
        self.target = get_object_or_404(model, pk=kwargs["pk"])

    def get_page_title(self):
        return _("Vurdér efter lovende praksis")

    def get_page_subtitle(self):
        return str(self.target)

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
        return _("Løft til metode")

    def get_page_subtitle(self):
        return str(self.idea)

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


class EscalationPanel(Component):
    """The editor's dashboard count of ideas waiting to be looked at."""

    name = "ideabank_escalation"
    template_name = "methods/admin/dashboard_panel.html"
    order = 40

    def get_context_data(self, parent_context=None):
        return {"waiting": queries.escalation_queue().count(), "queue_url": queue_url()}
