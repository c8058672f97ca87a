"""Encounters in the browser: "Mine metoder", the staff's registration page (one tap per answer, saved
without reloading — and without JavaScript as a plain form post), the one-meeting code with its QR code,
and the citizen's own page at /svar/<code>/.

Views stay thin: encounters.py holds every rule. The citizen page needs no login and sets no cookie
beyond CSRF: no session, no messages, no language cookie (English is asked for with ?lang=en).
"""

import io

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited

from ideabank import ratelimit
from ideabank.ideas.views import add_service_errors, forbidden, login_first

from . import encounters, queries
from .forms import CitizenAnswerForm, EncounterForm
from .models import Adoption, CitizenCode, EncounterAnswer
from .views import method_url, visible_adoption_or_404


def wants_json(request):
    """The encounter tally's script asks for JSON; the form post without it gets a page."""
    return "application/json" in request.headers.get("Accept", "")


def check_address(request, action):
    """Count one `action` for the request's address (also for signed-in users) and refuse over the limit."""
    rate = settings.IDEABANK_RATE_LIMITS[action]
    if is_ratelimited(request, group=f"ideabank.{action}", key="ip", rate=rate, increment=True):
        raise ratelimit.RateLimited()


def subject_of(adoption):
    return adoption.method or adoption.idea


def subject_url(adoption):
    return method_url(adoption.method) if adoption.method else adoption.idea.get_absolute_url()


# ---- Mine metoder -------------------------------------------------------------------------------


@require_GET
def my_methods(request):
    """The adoptions of the user's organisation, each with today's count and this month's share."""
    if not request.user.is_authenticated:
        return login_first(request.get_full_path())
    organisation = request.user.organisation
    adoptions = []
    if organisation is not None:
        adoptions = list(
            queries.with_relations(Adoption.objects.filter(organisation=organisation)).order_by(
                "method__title", "idea__title"
            )
        )
    today = timezone.localdate()
    for adoption in adoptions:
        adoption.figures = encounters.today_and_month(adoption, today)
        adoption.subject = subject_of(adoption)
    return TemplateResponse(
        request, "spread/my_methods.html", {"organisation": organisation, "adoptions": adoptions, "today": today}
    )


# ---- staff registration -------------------------------------------------------------------------


def _registering(request, pk):
    """(adoption, refusal): the adoption if this user may register meetings on it."""
    adoption = visible_adoption_or_404(request, pk)
    if not request.user.is_authenticated:
        return adoption, login_first(reverse("spread:encounters", args=[adoption.pk]))
    if not encounters.can_register(request.user, adoption):
        return adoption, forbidden(
            request, PermissionDenied(_("Kun organisationens egne medarbejdere kan registrere møder her."))
        )
    return adoption, None


def _figures_json(adoption):
    figures = encounters.today_and_month(adoption)
    share = figures["month"].share
    return {
        "today": figures["today"],
        "today_text": _("%(count)s i dag") % {"count": figures["today"]},
        "month_asked": share.asked,
        "month_percent": share.percent,
        "month_text": month_text(share),
    }


def month_text(share):
    if not share.asked:
        return _("Ingen svar endnu i denne måned")
    return _("%(percent)s %% følte sig hjulpet i denne måned (%(helped)s af %(asked)s)") % {
        "percent": share.percent,
        "helped": share.helped,
        "asked": share.asked,
    }


@never_cache
@require_http_methods(["GET", "POST"])
def register(request, pk):
    adoption, refusal = _registering(request, pk)
    if refusal:
        return refusal
    form = EncounterForm(request.POST or None, adoption=adoption)
    if request.method == "POST":
        try:
            ratelimit.check(request, "encounter")
        except ratelimit.RateLimited as error:
            if wants_json(request):
                return JsonResponse({"detail": str(error)}, status=429)
            return ratelimit.rate_limited(request)
        if form.is_valid():
            try:
                encounter, created = encounters.record(request.user, adoption, **form.service_arguments())
            except PermissionDenied as error:
                return forbidden(request, error)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                answer = EncounterAnswer(encounter.answer).label
                message = (
                    _("Gemt: %(answer)s.") % {"answer": answer}
                    if created
                    else _("Mødet var allerede gemt – det tælles kun én gang.")
                )
                if wants_json(request):
                    return JsonResponse(
                        {
                            "id": encounter.pk,
                            "created": created,
                            "message": message,
                            "next_uuid": str(EncounterForm.fresh_uuid()),
                            **_figures_json(adoption),
                        },
                        status=201 if created else 200,
                    )
                messages.success(request, message)
                return redirect("spread:encounters", adoption.pk)
        if wants_json(request):
            errors = {field: [str(message) for message in found] for field, found in form.errors.items()}
            return JsonResponse({"detail": errors, "message": " ".join(sum(errors.values(), []))}, status=422)
    figures = encounters.today_and_month(adoption)
    context = {
        "adoption": adoption,
        "subject": subject_of(adoption),
        "subject_url": subject_url(adoption),
        "form": form,
        "answers": EncounterAnswer,
        "figures": figures,
        "month_text": month_text(figures["month"].share),
        "needs": encounters.needs(adoption, limit=10),
    }
    return TemplateResponse(request, "spread/encounters.html", context, status=422 if form.errors else 200)


# ---- one-meeting codes --------------------------------------------------------------------------


@require_POST
def create_code(request, pk):
    adoption, refusal = _registering(request, pk)
    if refusal:
        return refusal
    try:
        ratelimit.check(request, "citizen_code")
        check_address(request, "citizen_code_address")
    except ratelimit.RateLimited:
        return ratelimit.rate_limited(request)
    code = encounters.create_code(request.user, adoption)
    return redirect("spread:citizen_code", code.code)


def _own_code(request, code):
    found = CitizenCode.objects.select_related("adoption__method", "adoption__idea").filter(code=code).first()
    if found is None or not request.user.is_authenticated:
        raise Http404
    if not encounters.can_register(request.user, found.adoption):
        raise Http404
    return found


def citizen_url(request, code):
    return request.build_absolute_uri(reverse("citizen_answer", args=[code]))


def qr_svg(text):
    """The QR code as SVG markup, drawn here: no third-party service sees the link."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


@never_cache
@require_GET
def show_code(request, code):
    """The code for staff: the link to read out or send, and the QR code to show on a screen or print."""
    if not request.user.is_authenticated:
        return login_first(request.get_full_path())
    found = _own_code(request, code)
    context = {
        "code": found,
        "adoption": found.adoption,
        "subject": subject_of(found.adoption),
        "url": citizen_url(request, found.code),
        "used": found.answered is not None,
        "expired": found.expires <= timezone.now(),
    }
    return TemplateResponse(request, "spread/citizen_code.html", context)


@never_cache
@require_GET
def code_qr(request, code):
    found = _own_code(request, code)
    response = HttpResponse(qr_svg(citizen_url(request, found.code)), content_type="image/svg+xml")
    response["Content-Disposition"] = f'inline; filename="svar-{found.code}.svg"'
    return response


# ---- the citizen's page -------------------------------------------------------------------------


def _language(request):
    wanted = request.GET.get("lang") or request.POST.get("lang")
    return "en" if wanted == "en" else "da"


@never_cache
@require_http_methods(["GET", "POST"])
def citizen_answer(request, code):
    """ "Føler du dig hjulpet?" for one citizen after one meeting: the four answers and an optional text.
    A used, expired or unknown code gets a friendly page (410 for one already answered) and stores nothing."""
    language = _language(request)
    with translation.override(language):
        try:
            check_address(request, "citizen_answer")
        except ratelimit.RateLimited as error:
            context = {"reason": "limited"}
            return _citizen_page(request, "spread/citizen_unavailable.html", context, 429, language, error)
        try:
            found = encounters.open_code(code)
        except encounters.CodeUnavailable as unavailable:
            return _unavailable(request, unavailable.reason, language)
        form = CitizenAnswerForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                encounters.answer_code(code, **form.cleaned_data)
            except encounters.CodeUnavailable as unavailable:
                return _unavailable(request, unavailable.reason, language)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return _citizen_page(request, "spread/citizen_thanks.html", {}, 200, language)
        context = {"form": form, "code": found.code, "answers": EncounterAnswer, "subject": subject_of(found.adoption)}
        return _citizen_page(request, "spread/citizen_answer.html", context, 422 if form.errors else 200, language)


def _unavailable(request, reason, language):
    status = {"unknown": 404, "expired": 410, "used": 410}[reason]
    return _citizen_page(request, "spread/citizen_unavailable.html", {"reason": reason}, status, language)


def _citizen_page(request, template, context, status, language, error=None):
    context = {**context, "language": language, "path": request.path, "message": str(error) if error else ""}
    response = TemplateResponse(request, template, context, status=status)
    response.render()  # inside translation.override: rendered in the citizen's language
    return response
