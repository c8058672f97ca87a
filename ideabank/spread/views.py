"""Spread in the browser: the overview, an organisation's page, one adoption, and the forms that register an
adoption, change its status and report its outcomes.

Views stay thin: they parse the form, call services.py (which holds every rule) and answer with a redirect
and a message (post/redirect/get). PermissionDenied → 403 page, ValidationError → the form again with the
error beside the field it names, Conflict → a message and the existing adoption. No JavaScript needed.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ideabank.accounts.models import Organisation
from ideabank.accounts.roles import is_editor
from ideabank.errors import Conflict
from ideabank.ideas import services as ideas
from ideabank.ideas.models import Idea
from ideabank.ideas.views import add_service_errors, forbidden, login_first
from ideabank.methods.models import MethodPage
from ideabank.pagecache import personal
from ideabank.taxonomy.slugs import current_slug

from . import charts, economics, encounters, queries, services, statistics, suppression
from .forms import AdoptionForm, OutcomeForm, StatusForm
from .models import Adoption, Encounter

ORGANISATION_IDEAS = 50


def method_url(method):
    return method.get_url() or "/"


# ---- reading ----------------------------------------------------------------------------------


@require_GET
def overview(request):
    personal.share(request)  # exact figures depend on the role and organisation only
    data = queries.cached_overview()
    tile_map = charts.tile_map(queries.municipalities(), charts.count_states(data["municipalities"]))
    answers = encounters.results(
        Encounter.objects.filter(adoption__method__in=queries.live_methods()), request.user, group="organisation"
    )
    context = {
        **data,
        "encounter_results": answers,
        "encounter_chart": charts.monthly_share(answers["months"]),
        "tile_map": tile_map,
        "municipality_rows": [tile for tile in tile_map["tiles"] if tile["letter"]],
    }
    return TemplateResponse(request, "spread/overview.html", context)


@require_GET
def organisation(request, slug):
    found = Organisation.objects.select_related("region", "municipality").filter(slug=slug).first()
    if found is None:
        current = current_slug("organisation", slug)
        if current is None:
            raise Http404
        return redirect("spread:organisation", slug=current, permanent=True)
    profile = queries.organisation_profile(found, request.user)
    ideas_shown = list(profile.pop("ideas")[: ORGANISATION_IDEAS + 1])
    context = {
        "organisation": found,
        **profile,
        "ideas": ideas_shown[:ORGANISATION_IDEAS],
        "more_ideas": len(ideas_shown) > ORGANISATION_IDEAS,
        "can_manage": services.can_manage(request.user, found),
    }
    return TemplateResponse(request, "spread/organisation.html", context)


def visible_adoption_or_404(request, pk):
    adoption = queries.with_relations(queries.visible_adoptions(request.user)).filter(pk=pk).first()
    if adoption is None:
        raise Http404
    return adoption


@require_GET
def adoption_detail(request, pk):
    adoption = visible_adoption_or_404(request, pk)
    reports = list(queries.adoption_reports(adoption))
    exact = suppression.sees_exact(request.user, adoption.organisation_id)
    for report in reports:
        report.share = suppression.share(statistics.Share(report.citizens_helped, report.citizens_asked), exact)
        report.shown = {
            name: suppression.count(getattr(report, f"citizens_{name}"), exact)
            for name in ("reached", "asked", "helped")
        }
    answers = encounters.results(Encounter.objects.filter(adoption=adoption), request.user)
    context = {
        "encounter_results": answers,
        "encounter_chart": charts.monthly_share(answers["months"]),
        "adoption": adoption,
        "subject": adoption.method or adoption.idea,
        "subject_url": method_url(adoption.method) if adoption.method else adoption.idea.get_absolute_url(),
        "history": list(adoption.history.all()),
        "reports": reports,
        "payments": economics.adoption_payments(adoption, reports),
        "can_manage": services.can_manage(request.user, adoption),
    }
    return TemplateResponse(request, "spread/adoption_detail.html", context)


# ---- registering ------------------------------------------------------------------------------


def _existing(organisation, method, idea):
    """The organisation's registration for this method or idea, if there is one."""
    target = {"method": method} if method else {"idea": idea, "method__isnull": True}
    return Adoption.objects.filter(organisation=organisation, **target).first()


def _register(request, *, method=None, idea=None, back):
    """The shared flow of "vi bruger den" for a method and for an idea."""
    user = request.user
    if not user.is_authenticated:
        return login_first(request.get_full_path() if request.method == "GET" else back)
    if user.organisation_id is None:
        return forbidden(request, PermissionDenied(_("Du skal høre til en organisation for at registrere brug.")))
    subject = method or idea
    if request.method == "GET" and (found := _existing(user.organisation, method, idea)) is not None:
        return redirect("spread:adoption", found.pk)
    form = AdoptionForm(request.POST or None, organisation=user.organisation, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            adoption = services.register(user, method=method, idea=idea, **form.service_arguments())
        except PermissionDenied as error:
            return forbidden(request, error)
        except Conflict as error:
            messages.info(request, str(error))
            found = _existing(user.organisation, method, idea)
            return redirect("spread:adoption", found.pk) if found else redirect(back)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Tak! Det er nu registreret, at %(organisation)s bruger %(title)s.")
                % {"organisation": user.organisation.name, "title": subject.title},
            )
            target = method_url(adoption.method) if adoption.method else adoption.idea.get_absolute_url()
            return redirect(f"{target}#spread")
    context = {"form": form, "subject": subject, "back": back, "organisation": user.organisation}
    return TemplateResponse(request, "spread/adoption_form.html", context)


@require_http_methods(["GET", "POST"])
def register_method(request, method_id):
    method = get_object_or_404(MethodPage.objects.live().public(), pk=method_id)
    return _register(request, method=method, back=method_url(method))


@require_http_methods(["GET", "POST"])
def register_idea(request, idea_id):
    idea = get_object_or_404(Idea.objects.select_related("promotion__method"), pk=idea_id)
    if not ideas.can_view(request.user, idea):
        raise Http404
    return _register(request, idea=idea, back=idea.get_absolute_url())


# ---- managing one adoption ----------------------------------------------------------------------


def _outcome_draft(request, adoption):
    """The report prefilled from the encounters of the period in the address (?period_start=&period_end=),
    or of the period after the last report; a date that cannot be read falls back to that default."""
    start, end = encounters.default_period(adoption)
    for name in ("period_start", "period_end"):
        try:
            value = datetime.date.fromisoformat(request.GET.get(name, "")[:10])
        except ValueError:
            continue
        start, end = (value, end) if name == "period_start" else (start, value)
    return encounters.outcome_draft(adoption, start, end)


def _managed(request, pk):
    """The adoption if this user may change it; otherwise the response to give instead."""
    adoption = visible_adoption_or_404(request, pk)
    if not request.user.is_authenticated:
        return adoption, login_first(request.get_full_path())
    if not services.can_manage(request.user, adoption):
        return adoption, forbidden(
            request, PermissionDenied(_("Du kan kun ændre din egen organisations ibrugtagninger."))
        )
    return adoption, None


@require_http_methods(["GET", "POST"])
def change_status(request, pk):
    adoption, refusal = _managed(request, pk)
    if refusal:
        return refusal
    form = StatusForm(request.POST or None, adoption=adoption)
    if request.method == "POST" and form.is_valid():
        try:
            services.change(request.user, adoption, **form.service_arguments())
        except PermissionDenied as error:
            return forbidden(request, error)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Ændringen er gemt."))
            return redirect("spread:adoption", adoption.pk)
    context = {
        "form": form,
        "adoption": adoption,
        "subject": adoption.method or adoption.idea,
        "history": list(adoption.history.all()),
    }
    return TemplateResponse(request, "spread/status_form.html", context)


@require_http_methods(["GET", "POST"])
def report_outcome(request, pk):
    adoption, refusal = _managed(request, pk)
    if refusal:
        return refusal
    indicators = list(adoption.method.indicators.all()) if adoption.method else []
    draft = None
    initial = {}
    if request.method == "GET":
        draft = _outcome_draft(request, adoption)
        if draft["encounters"]:
            initial = {key: draft[key] for key in ("period_start", "period_end", "citizens_asked", "citizens_helped")}
        else:
            initial = {"period_start": draft["period_start"], "period_end": draft["period_end"]}
    form = OutcomeForm(request.POST or None, indicators=indicators, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_outcome(request.user, adoption, **form.service_arguments())
        except PermissionDenied as error:
            return forbidden(request, error)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Tak! Resultaterne for perioden er gemt."))
            return redirect("spread:adoption", adoption.pk)
    context = {
        "form": form,
        "adoption": adoption,
        "subject": adoption.method or adoption.idea,
        "previous": list(adoption.outcomes.order_by("-period_start")[:4]),
        "draft": draft,
        "editor": is_editor(request.user),
    }
    return TemplateResponse(request, "spread/outcome_form.html", context)
