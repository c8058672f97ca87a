"""The user's own data on the profile page: download it, delete the account, log out everywhere."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View
from wagtail.admin import messages as admin_messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ideabank.accounts.roles import is_administrator
from ideabank.errors import Conflict
from ideabank.forms import DkfdsFormMixin, PersonalDataGuardMixin
from ideabank.next_url import local_next_url

from . import privacy
from .models import User
from .sessions import end_sessions


def export_response(user, acting):
    """The export as a JSON file download."""
    data = privacy.export_user_data(user, acting=acting)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{privacy.export_filename(user)}"'
    response["Cache-Control"] = "no-store"
    return response


class ExportView(LoginRequiredMixin, View):
    def get(self, request):
        return export_response(request.user, request.user)


class DeleteAccountForm(DkfdsFormMixin, forms.Form):
    """Typing one's own e-mail is the confirmation: it cannot happen by a stray click."""

    email = forms.EmailField(
        label=gettext_lazy("Skriv din e-mailadresse for at bekræfte"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if email.lower() != self.user.email.lower():
            raise forms.ValidationError(_("Det er ikke din e-mailadresse. Kontoen er ikke slettet."))
        return email


class DeleteAccountView(LoginRequiredMixin, FormView):
    template_name = "accounts/delete_account.html"
    form_class = DeleteAccountForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        try:
            privacy.delete_account(self.request.user, acting=self.request.user)
        except Conflict as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        logout(self.request)
        messages.success(
            self.request,
            _("Din konto er slettet. Det, du har offentliggjort, står nu som skrevet af en tidligere medarbejder."),
        )
        return redirect("/")


class LogoutEverywhereView(LoginRequiredMixin, View):
    """Ends every session of the user, this one included (API keys are managed separately)."""

    def post(self, request):
        end_sessions(request.user)
        logout(request)
        messages.success(request, _("Du er logget ud alle steder, også her. Log ind igen for at fortsætte."))
        return redirect("accounts:login")


# ---- the same for administrators, in the Wagtail admin -----------------------------------------


class AdministratorRequiredMixin:
    """Wagtail's admin turns the refusal into a redirect with a message."""

    def dispatch(self, request, *args, **kwargs):
        if not is_administrator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AdminExportView(AdministratorRequiredMixin, View):
    def get(self, request, pk):
        return export_response(get_object_or_404(User, pk=pk), request.user)


class AdminDeleteForm(PersonalDataGuardMixin, forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("Ja, slet kontoen"),
        help_text=gettext_lazy("Personoplysningerne slettes og kan ikke genskabes. Sletningen logges."),
    )


class AdminDeleteUserView(AdministratorRequiredMixin, WagtailAdminTemplateMixin, FormView):
    """Deletes (anonymises) an account; Wagtail's own "Delete user" leads here too (wagtail_hooks)."""

    template_name = "accounts/admin/delete_user.html"
    form_class = AdminDeleteForm
    page_title = gettext_lazy("Slet konto")
    header_icon = "bin"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(User.objects.select_related("organisation"), pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_success_url(self):
        return local_next_url(self.request) or reverse("wagtailusers_users:index")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            export_url=reverse("ideabank_accounts_admin_export", args=[self.object.pk]),
            cancel_url=self.get_success_url(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            privacy.delete_account(self.object, acting=self.request.user)
        except Conflict as refusal:
            admin_messages.error(self.request, str(refusal))
            return redirect(self.get_success_url())
        admin_messages.success(
            self.request, _("Kontoen er slettet. Sletningen er logget som bruger %(id)s.") % {"id": self.object.pk}
        )
        if self.object.pk == self.request.user.pk:
            logout(self.request)
            return redirect("/")
        return redirect(self.get_success_url())
