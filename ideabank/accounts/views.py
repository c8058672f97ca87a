from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from wagtail.models import APIToken

from ideabank.ids import parse_id
from ideabank.mfa.login import hold_for_second_factor

from . import emails, services
from .forms import (
    ApiTokenForm,
    LoginForm,
    PasswordChangeForm,
    PasswordResetForm,
    ProfileForm,
    SetPasswordForm,
    SignupForm,
)
from .models import Invitation, User
from .roles import Role, role_of


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        # With two-factor on, the password only gets as far as the code step (ideabank.mfa).
        held = hold_for_second_factor(self.request, form.get_user(), self.get_success_url())
        return held or super().form_valid(form)


class LogoutView(auth_views.LogoutView):
    pass


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = PasswordChangeForm
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        messages.success(self.request, _("Din adgangskode er ændret."))
        return super().form_valid(form)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = PasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = SetPasswordForm
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form):
        messages.success(self.request, _("Din adgangskode er ændret. Du kan nu logge ind."))
        return super().form_valid(form)


class SignupView(FormView):
    template_name = "accounts/signup.html"
    form_class = SignupForm
    success_url = reverse_lazy("accounts:profile")

    def get_invitation(self):
        token = self.request.GET.get("invitation") or self.request.POST.get("invitation")
        return Invitation.objects.filter(token=token).first() if token else None

    def get_initial(self):
        invitation = self.get_invitation()
        return {"email": invitation.email} if invitation else {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(invitation=self.get_invitation(), **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        invitation = self.get_invitation()
        try:
            user = services.sign_up(
                email=data["email"],
                password=data["password1"],
                display_name=data["display_name"],
                job_title=data["job_title"],
                organisation=data["organisation"],
                invitation=invitation,
            )
        except services.SignupRefused as refusal:
            form.add_error("email", str(refusal))
            return self.form_invalid(form)
        if user is not None and user.is_active:
            # An invitation reached this address already: no confirmation needed.
            login(self.request, user, backend="ideabank.accounts.backends.AccountBackend")
            messages.success(self.request, _("Velkommen til Idébanken, %(name)s.") % {"name": user.display_name})
            return super().form_valid(form)
        if user is None:
            emails.send_account_exists(self.request, User.objects.get(email__iexact=data["email"]))
        else:
            emails.send_activation(self.request, user)
        return redirect("accounts:signup_sent")


class SignupSentView(TemplateView):
    template_name = "accounts/signup_sent.html"


class ActivateView(TemplateView):
    """The link in the confirmation e-mail. A GET only shows a button, since mail scanners open links."""

    template_name = "accounts/activate.html"

    def account(self):
        try:
            pk = parse_id(force_str(urlsafe_base64_decode(self.kwargs["uidb64"])))
        except (ValueError, TypeError):
            return None
        user = User.objects.filter(pk=pk).first() if pk else None
        valid = user and services.awaits_activation(user)
        return user if valid and services.activation_tokens.check_token(user, self.kwargs["token"]) else None

    def get_context_data(self, **kwargs):
        account = self.account()
        return super().get_context_data(account=account, valid=account is not None, **kwargs)

    def post(self, request, uidb64, token):
        account = self.account()
        if account is None or not services.activate(account, token):
            return self.render_to_response(self.get_context_data(), status=400)
        login(request, account, backend="ideabank.accounts.backends.AccountBackend")
        messages.success(request, _("Velkommen til Idébanken, %(name)s.") % {"name": account.display_name})
        return redirect("accounts:profile")


class ProfileView(LoginRequiredMixin, TemplateView):
    """The user's own page: profile details, API tokens and links to password change."""

    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ProfileForm(instance=self.request.user))
        context.setdefault("token_form", ApiTokenForm())
        context["role_label"] = Role(role_of(self.request.user)).label
        context["tokens"] = self.request.user.api_tokens.filter(revoked_at__isnull=True).order_by("-created")
        return context

    def post(self, request):
        form = ProfileForm(request.POST, instance=request.user)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        form.save()
        messages.success(request, _("Din profil er gemt."))
        response = redirect("accounts:profile")
        response.set_cookie("django_language", request.user.language, samesite="Lax")
        return response


class TokenCreateView(ProfileView):
    def post(self, request):
        form = ApiTokenForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(token_form=form))
        try:
            name = services.check_token_name(form.cleaned_data["name"])
        except ValidationError as error:
            form.add_error("name", error.message_dict["name"])
            return self.render_to_response(self.get_context_data(token_form=form))
        _token, key = APIToken.create_token(user=request.user, name=name)
        messages.success(
            request,
            _("Din nye API-nøgle er: %(key)s — kopiér den nu; den vises ikke igen.") % {"key": key},
        )
        return redirect("accounts:profile")


class TokenRevokeView(LoginRequiredMixin, View):
    success_message = gettext_lazy("API-nøglen er tilbagekaldt og virker ikke længere.")

    def post(self, request, pk):
        token = get_object_or_404(APIToken, pk=pk, user=request.user, revoked_at__isnull=True)
        token.revoke()
        messages.success(request, self.success_message)
        return redirect("accounts:profile")


def set_language(request):
    """Django's language switch, remembered on the profile of a logged-in user."""
    from django.views.i18n import set_language as django_set_language

    response = django_set_language(request)
    language = request.POST.get("language")
    if request.method == "POST" and request.user.is_authenticated and language in dict(settings.LANGUAGES):
        request.user.language = language
        request.user.save(update_fields=["language"])
    return response
