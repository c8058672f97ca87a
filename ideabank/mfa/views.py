"""Two-factor pages: set up an app, give a code after logging in, recovery codes, switch it off."""

import base64

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login

from ideabank.accounts.roles import Role, role_of

from . import login as mfa_login
from . import services
from .forms import AppCodeForm, CodeForm
from .models import RecoveryDevice

FRESH_CODES_KEY = "ideabank.mfa.fresh_codes"


def qr_data_uri(text):
    """The QR code as an SVG data URI: drawn here, no third-party service ever sees the secret."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=10, border=4)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode()


def next_from(request):
    return request.POST.get("next") or request.GET.get("next") or ""


@method_decorator(never_cache, name="dispatch")
class SetupView(LoginRequiredMixin, FormView):
    """Scan the QR code (or type the key), then prove it works with a code. The page carries the secret:
    never cached."""

    template_name = "mfa/setup.html"
    form_class = AppCodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and services.is_enabled(request.user):
            messages.info(request, _("Totrinsbekræftelse er allerede slået til."))
            return redirect("accounts:profile")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        device = services.enrolment_device(self.request.user)
        return super().get_context_data(
            qr=qr_data_uri(device.config_url),
            manual_key=services.manual_key(device),
            required=services.is_required(self.request.user),
            role_label=Role(role_of(self.request.user)).label,
            next=next_from(self.request),
            **kwargs,
        )

    def form_valid(self, form):
        user = self.request.user
        device = services.enrolment_device(user)
        try:
            codes = services.confirm_enrolment(self.request, user, device, form.cleaned_data["code"])
        except services.TooManyAttempts as refusal:
            form.add_error("code", str(refusal))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        except ValidationError as error:
            form.add_error("code", error)
            return self.form_invalid(form)
        device.refresh_from_db()
        otp_login(self.request, device)  # this session just proved the app works
        self.request.session[FRESH_CODES_KEY] = codes
        messages.success(self.request, _("Totrinsbekræftelse er slået til."))
        return redirect(mfa_login.with_next("mfa:recovery_codes", next_from(self.request)))


@method_decorator(never_cache, name="dispatch")
class VerifyView(FormView):
    """The code step: after the password (or SSO) for users with two-factor on, or for a session that is
    logged in but not yet verified."""

    template_name = "mfa/verify.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        self.user, self.pending = mfa_login.pending_login(request)
        if self.user is None and request.user.is_authenticated and not request.user.is_verified():
            self.user = request.user if services.is_enabled(request.user) else None
        if self.user is None:
            if request.user.is_authenticated:
                return redirect(mfa_login.safe_next(request, next_from(request)))
            messages.info(
                request, _("Log ind med e-mail og adgangskode igen. Koden skal indtastes inden for fem minutter.")
            )
            return redirect("accounts:login")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(pending=self.pending is not None, next=next_from(self.request), **kwargs)

    def form_valid(self, form):
        try:
            device = services.verify(self.request, self.user, form.cleaned_data["code"])
        except services.TooManyAttempts as refusal:
            form.add_error("code", str(refusal))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if device is None:
            form.add_error("code", services.wrong_code_message())
            return self.form_invalid(form)
        redirect_to = mfa_login.safe_next(self.request, (self.pending or {}).get("next") or next_from(self.request))
        mfa_login.finish(self.request, self.user, device, self.pending)
        if isinstance(device, RecoveryDevice):
            left = services.remaining_recovery_codes(self.user)
            messages.warning(
                self.request,
                ngettext(
                    "Du har brugt en gendannelseskode. Du har %(count)d tilbage.",
                    "Du har brugt en gendannelseskode. Du har %(count)d tilbage.",
                    left,
                )
                % {"count": left},
            )
        return redirect(redirect_to)


@method_decorator(never_cache, name="dispatch")
class RecoveryCodesView(LoginRequiredMixin, TemplateView):
    """New recovery codes are shown exactly once, right after they were made; afterwards only how many are left."""

    template_name = "mfa/recovery_codes.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not services.is_enabled(request.user):
            return redirect("mfa:setup")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            codes=self.request.session.pop(FRESH_CODES_KEY, None),
            remaining=services.remaining_recovery_codes(self.request.user),
            next=mfa_login.safe_next(self.request, next_from(self.request), default=""),
            **kwargs,
        )

    def post(self, request):
        # Only a verified session gets here (SecondFactorMiddleware), so no extra code is asked for.
        request.session[FRESH_CODES_KEY] = services.replace_recovery_codes(request.user)
        messages.success(request, _("Du har fået nye gendannelseskoder. De gamle virker ikke længere."))
        return redirect("mfa:recovery_codes")


@method_decorator(never_cache, name="dispatch")
class DisableView(LoginRequiredMixin, FormView):
    template_name = "mfa/disable.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not services.is_enabled(request.user):
            messages.info(request, _("Totrinsbekræftelse er ikke slået til."))
            return redirect("accounts:profile")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            required=services.is_required(user), role_label=Role(role_of(user)).label, **kwargs
        )

    def form_valid(self, form):
        try:
            services.disable(self.request, self.request.user, form.cleaned_data["code"])
        except services.TooManyAttempts as refusal:
            form.add_error("code", str(refusal))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        except ValidationError as error:
            form.add_error("code", error)
            return self.form_invalid(form)
        messages.success(self.request, _("Totrinsbekræftelse er slået fra."))
        return redirect("accounts:profile")
