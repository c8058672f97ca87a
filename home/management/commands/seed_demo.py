import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ideabank.accounts.demo import DEMO_PASSWORD, seed_accounts
from ideabank.accounts.roles import Role
from ideabank.ideas.demo import SEED, seed_bulk_ideas, seed_demo_ideas


class Command(BaseCommand):
    help = (
        "Load realistic Danish demo data: logins, ~300 hand-written ideas with votes, comments and tried "
        "reports. With --ideas N, top the number of ideas up to N for benchmarks. Idempotent: running it "
        "again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the demo logins")
        parser.add_argument(
            "--ideas",
            type=int,
            default=0,
            metavar="N",
            help="Generate ideas (with ~10 votes and ~3 comments each) until there are N in total",
        )
        parser.add_argument("--seed", type=int, default=SEED, help="Random seed for the generated content")

    def handle(self, *args, quiet_logins=False, ideas=0, seed=SEED, **options):
        if ideas < 0:
            raise CommandError("--ideas must be 0 or more")
        started = time.monotonic()
        with transaction.atomic():
            users = seed_accounts()
        self.stdout.write("Demo-idéer:")
        seed_demo_ideas(seed=seed, stdout=self.stdout.write)
        if ideas:
            self.stdout.write(f"Idéer til benchmark (mål: {ideas}):")
            if seed_bulk_ideas(ideas, seed=seed, stdout=self.stdout.write):
                # Bulk inserts skip the signals that index ideas one by one; one rebuild afterwards is faster.
                self.stdout.write("  Søgeindekset dækker ikke de genererede idéer: kør `manage.py search_reindex`.")
        self.stdout.write(f"Færdig på {time.monotonic() - started:.1f} s")
        if quiet_logins:
            return
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password for all: {DEMO_PASSWORD}):"))
        for user, role in users:
            self.stdout.write(f"  {Role(role).label:<14} {user.email:<32} {user.organisation}")
