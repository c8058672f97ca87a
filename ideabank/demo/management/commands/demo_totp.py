from django.core.management.base import BaseCommand

from ideabank.demo.two_factor import demo_code, demo_manual_key


class Command(BaseCommand):
    help = "Print the current two-factor code of the demo logins (moderator, editor, administrator) from seed_demo."

    def handle(self, *args, **options):
        self.stdout.write(f"{demo_code()}  (nøgle til en godkendelsesapp: {demo_manual_key()})")
