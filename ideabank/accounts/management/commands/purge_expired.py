from django.core.management.base import BaseCommand

from ideabank.accounts.privacy import purge_expired


class Command(BaseCommand):
    help = (
        "Delete expired data (run daily): notifications older than IDEABANK_NOTIFICATION_RETENTION_DAYS, "
        "unused invitations past IDEABANK_INVITATION_DAYS, and expired sessions."
    )

    def handle(self, *args, **options):
        counts = purge_expired()
        self.stdout.write(", ".join(f"{what}: {count}" for what, count in counts.items()))
