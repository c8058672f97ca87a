"""The e-mails sign-up sends. Both answers to a sign-up go by e-mail, so the page never tells whether an
address already has an account (issue #14)."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .services import activation_tokens, awaits_activation


def _send(request, user, template):
    context = {"user": user, "site": request.build_absolute_uri("/").rstrip("/")}
    if awaits_activation(user):
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        path = reverse("accounts:activate", args=[uid, activation_tokens.make_token(user)])
        context["activation_url"] = request.build_absolute_uri(path)
    context["login_url"] = request.build_absolute_uri(reverse("accounts:login"))
    context["reset_url"] = request.build_absolute_uri(reverse("accounts:password_reset"))
    subject = render_to_string(f"accounts/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"accounts/email/{template}.txt", context)
    send_mail(subject, body, None, [user.email])


def send_activation(request, user):
    """To a new account: the link that confirms the e-mail and opens the account."""
    _send(request, user, "activation")


def send_account_exists(request, user):
    """To the owner of an address that someone tried to sign up with again: log in, reset, or (for an
    account never opened) a fresh confirmation link."""
    _send(request, user, "account_exists")
