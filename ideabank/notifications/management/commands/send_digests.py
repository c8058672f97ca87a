"""Send the daily and weekly notification digests. Run it from cron; running it twice sends nothing twice."""

from django.core.management.base import BaseCommand, CommandError

from ideabank.notifications.emails import send_digests
from ideabank.notifications.models import Digest

LABELS = {Digest.Frequency.DAILY: "Daglige opsamlinger", Digest.Frequency.WEEKLY: "Ugentlige opsamlinger"}


class Command(BaseCommand):
    help = (
        "Send notifikationer som daglige eller ugentlige opsamlinger pr. e-mail. Uden --frequency sendes begge, "
        "til dem der ikke allerede har fået dagens (daglig) eller denne uges (ugentlig) opsamling."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency",
            choices=Digest.Frequency.values,
            help="Send kun denne slags opsamling, og send den nu (uden at se på, hvornår den sidst blev sendt).",
        )

    def handle(self, *args, frequency=None, **options):
        frequencies = [frequency] if frequency else Digest.Frequency.values
        failed = 0
        for each in frequencies:
            run = send_digests(each, only_due=frequency is None)
            failed += run.failed
            noun = "notifikation" if run.notifications == 1 else "notifikationer"
            line = f"{LABELS[each]}: {run.sent} sendt ({run.notifications} {noun})"
            if run.skipped:
                line += f", {run.skipped} allerede sendt i denne periode"
            if run.failed:
                self.stderr.write(self.style.ERROR(f"{line}, {run.failed} fejlede (prøves igen næste gang)"))
            else:
                self.stdout.write(self.style.SUCCESS(line))
        if failed:
            # A non-zero exit makes cron (or the scheduler) report the failure.
            raise CommandError(f"{failed} opsamling(er) kunne ikke sendes; se loggen.")
