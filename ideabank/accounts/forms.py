from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from ideabank.forms import DkfdsFormMixin
from ideabank.validators import NoDirectionControls

from .models import Organisation, User


class LoginForm(DkfdsFormMixin, AuthenticationForm):
    username = forms.EmailField(label=_("E-mail"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    error_messages = {
        "invalid_login": _(
            "Forkert e-mail eller adgangskode. Bemærk, at adgangskoden skelner mellem store og små bogstaver."
        ),
        "inactive": _("Denne konto er spærret."),
    }


class SignupForm(DkfdsFormMixin, forms.Form):
    email = forms.EmailField(label=_("Arbejdsmail"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    display_name = forms.CharField(
        label=_("Navn"),
        max_length=150,
        validators=[NoDirectionControls()],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    job_title = forms.CharField(
        label=_("Stilling"),
        max_length=150,
        required=False,
        validators=[NoDirectionControls()],
        help_text=_("Fx socialrådgiver"),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        required=False,
        help_text=_("Udfyldes automatisk, når din e-mail hører til en kendt organisation."),
    )
    password1 = forms.CharField(
        label=_("Adgangskode"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Mindst 10 tegn, ikke kun tal og ikke en almindelig adgangskode."),
    )
    password2 = forms.CharField(
        label=_("Gentag adgangskode"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean_email(self):
        # Whether the address has an account is not said here: sign-up answers both cases by e-mail.
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("De to adgangskoder er ikke ens."))
        elif first:
            probe = User(email=cleaned.get("email", ""), display_name=cleaned.get("display_name", ""))
            try:
                password_validation.validate_password(first, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ProfileForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "job_title", "language"]


class ApiTokenForm(DkfdsFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Navn på nøglen"),
        max_length=100,
        help_text=_("Fx 'Regneark' eller 'Intranet'. Så kan du kende den igen."),
    )


class PasswordChangeForm(DkfdsFormMixin, auth_forms.PasswordChangeForm):
    pass


class PasswordResetForm(DkfdsFormMixin, auth_forms.PasswordResetForm):
    pass


class SetPasswordForm(DkfdsFormMixin, auth_forms.SetPasswordForm):
    pass
