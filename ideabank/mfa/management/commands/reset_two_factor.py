from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from ideabank.accounts.models import User
from ideabank.mfa.models import RecoveryDevice


class Command(BaseCommand):
    help = (
        "Switch two-factor off for a user who lost both their phone and their recovery codes. They log in with "
        "their password and set up a new app (moderators and above before they can use the admin again)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    @transaction.atomic
    def handle(self, *args, email, **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No user with the e-mail {email}")
        apps, _ = TOTPDevice.objects.filter(user=user).delete()
        RecoveryDevice.objects.filter(user=user).delete()
        self.stdout.write(f"Two-factor is off for {user.email} ({apps} app(s) removed).")
