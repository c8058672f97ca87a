"""manage.py search_reindex: rebuild the search index (ideas and method pages), or send Elasticsearch
what it has not taken.

manage.py search_reindex             the database index and (with ELASTICSEARCH_URL) a fresh
                                     Elasticsearch index, swapped in atomically when full
manage.py search_reindex --database-only   only the database index (Elasticsearch is down); the
                                     entries stay pending for --pending
manage.py search_reindex --pending   only the entries Elasticsearch has not taken yet (it was
                                     down when they were saved); cheap, fine for a cron job
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.models import SearchEntry

# What is rebuilt, in this order: kind → (progress label, singular and plural for the summary).
KINDS = {
    SearchEntry.Kind.IDEA: ("Idéer", "idé", "idéer"),
    SearchEntry.Kind.METHOD: ("Metoder", "metode", "metoder"),
}


def counted(count, kind):
    _label, one, many = KINDS[kind]
    return f"{count} {one if count == 1 else many}"


class Progress:
    """A one-line progress bar, redrawn with \\r on a terminal and printed every 10 % otherwise."""

    WIDTH = 30

    def __init__(self, stdout, label, enabled=True):
        self.stdout = stdout
        self.label = label
        self.enabled = enabled
        self.started = time.monotonic()
        self.tty = hasattr(stdout, "isatty") and stdout.isatty()
        self.last_tenth = -1
        self.drawn = False

    def __call__(self, done, total):
        if not self.enabled:
            return
        fraction = done / total if total else 1
        elapsed = time.monotonic() - self.started
        rate = done / elapsed if elapsed > 0 else 0
        remaining = (total - done) / rate if rate else 0
        filled = int(fraction * self.WIDTH)
        line = (
            f"{self.label}: [{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{total} "
            f"({fraction:.0%}, {rate:.0f}/s, {remaining:.0f} s tilbage)"
        )
        if self.tty:
            self.stdout.write("\r" + line, ending="")
            self.stdout.flush()
            self.drawn = True
        elif int(fraction * 10) != self.last_tenth or done == total:
            self.last_tenth = int(fraction * 10)
            self.stdout.write(line)

    def finish(self):
        if self.drawn:
            self.stdout.write("")


class Command(BaseCommand):
    help = "Genopbyg søgeindekset (databasen og Elasticsearch), eller send kun det, Elasticsearch mangler."

    def add_arguments(self, parser):
        parser.add_argument(
            "--pending",
            action="store_true",
            help="Send kun de idéer og metoder, Elasticsearch endnu ikke har fået (fx fordi den var nede).",
        )
        parser.add_argument(
            "--database-only",
            action="store_true",
            help="Genopbyg kun databasens indeks (fx mens Elasticsearch er nede; send det bagefter med --pending).",
        )
        parser.add_argument(
            "--chunk-size",
            type=int,
            default=indexing.CHUNK_SIZE,
            help="Idéer eller metoder pr. omgang (standard 1000).",
        )

    def handle(self, *args, pending=False, database_only=False, chunk_size=indexing.CHUNK_SIZE, verbosity=1, **options):
        if chunk_size < 1:
            raise CommandError("--chunk-size skal være mindst 1.")
        started = time.monotonic()
        show = verbosity >= 1
        summaries = []
        try:
            if pending:
                if not settings.ELASTICSEARCH_URL:
                    raise CommandError("--pending kræver ELASTICSEARCH_URL: uden Elasticsearch er der intet at sende.")
                for kind, (label, _one, _many) in KINDS.items():
                    ids = indexing.pending(kind)
                    progress = Progress(self.stdout, f"Elasticsearch ({label.lower()})", show)
                    count = indexing.send_to_elasticsearch(kind, ids, progress=progress, chunk_size=chunk_size)
                    progress.finish()
                    summaries.append(f"{counted(count, kind)} sendt til Elasticsearch")
            else:
                with_elasticsearch = bool(settings.ELASTICSEARCH_URL) and not database_only
                target = "databasen og Elasticsearch" if with_elasticsearch else "databasen"
                if show:
                    self.stdout.write(f"Genopbygger søgeindekset i {target}")
                for kind, (label, _one, _many) in KINDS.items():
                    progress = Progress(self.stdout, label, show)
                    count = indexing.rebuild(
                        kind, progress=progress, chunk_size=chunk_size, with_elasticsearch=with_elasticsearch
                    )
                    progress.finish()
                    summaries.append(f"{counted(count, kind)} indekseret i {target}")
        except CommandError:
            raise
        except Exception as error:  # the cluster's own message says most (refused connection, bad mapping …)
            raise CommandError(f"Søgeindekset blev ikke færdigt: {error}") from error
        if show:
            for summary in summaries[:-1]:
                self.stdout.write(self.style.SUCCESS(summary))
            self.stdout.write(self.style.SUCCESS(f"{summaries[-1]} på {time.monotonic() - started:.1f} s"))
