from django.core.management.base import BaseCommand
from django.db import transaction

from ideabank.accounts.demo import DEMO_PASSWORD, seed_accounts
from ideabank.accounts.roles import Role


class Command(BaseCommand):
    help = "Load realistic Danish demo data. Idempotent: running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the demo logins")

    def handle(self, *args, quiet_logins=False, **options):
        with transaction.atomic():
            users = seed_accounts()
        if quiet_logins:
            return
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password for all: {DEMO_PASSWORD}):"))
        for user, role in users:
            self.stdout.write(f"  {Role(role).label:<14} {user.email:<32} {user.organisation}")
