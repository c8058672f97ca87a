import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ideabank.accounts.roles import Role
from ideabank.demo import SEED
from ideabank.demo.business_cases import seed_business_cases
from ideabank.demo.ideas import seed_bulk_ideas, seed_demo_ideas
from ideabank.demo.methods import seed_methods
from ideabank.demo.people import DEMO_PASSWORD, seed_accounts
from ideabank.demo.spread import seed_adoptions, seed_encounters
from ideabank.demo.two_factor import demo_manual_key, seed_demo_devices


class Command(BaseCommand):
    help = (
        "Load realistic Danish demo data: logins, ~300 hand-written ideas with votes, comments and tried "
        "reports, ~30 published and assessed methods taken into use across the country with quarterly outcome "
        "reports (--skip-methods leaves methods and spread out). With --ideas N, top the number of ideas up to N "
        "for benchmarks. Idempotent: running it again changes nothing."
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
        parser.add_argument(
            "--skip-methods",
            action="store_true",
            help="Only logins and ideas: skip the methods and their spread (faster, for tests of the ideas)",
        )

    def handle(self, *args, quiet_logins=False, ideas=0, seed=SEED, skip_methods=False, **options):
        if ideas < 0:
            raise CommandError("--ideas must be 0 or more")
        started = time.monotonic()
        with transaction.atomic():
            users = seed_accounts()
            seed_demo_devices([user for user, _role in users])
        self.stdout.write("Demo-idéer:")
        seed_demo_ideas(seed=seed, stdout=self.stdout.write)
        # Methods credit hand-written ideas, so they come after those and before any generated ones.
        if not skip_methods:
            self.stdout.write("Demo-metoder:")
            seed_methods(stdout=self.stdout.write)
            self.stdout.write("Demo-udbredelse:")
            seed_adoptions(seed=seed, stdout=self.stdout.write)
            seed_encounters(seed=seed, stdout=self.stdout.write)
            seed_business_cases(stdout=self.stdout.write)
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
        self.stdout.write(
            f"Two-factor for moderator, editor and administrator: key {demo_manual_key()} in an authenticator app,"
            " or `manage.py demo_totp` for the current code."
        )
