"""Scan the rows already stored for CPR numbers with today's guard (run it after every upgrade: a stronger
guard finds what an older one let through). Lists model, id and field, never the number itself."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from ideabank.ideas import services
from ideabank.ideas.models import Comment, Idea
from ideabank.personal_data import scan_stored_rows

HIDEABLE = (Idea, Comment)


class Command(BaseCommand):
    help = "Find stored text that holds CPR numbers (model, id, field); --hide hides such ideas and comments."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hide", action="store_true", help="Hide each idea or comment found, pending a moderator (logged)."
        )

    def handle(self, *args, hide=False, **options):
        hits = 0
        hidden = set()
        for model, pk, field in scan_stored_rows():
            hits += 1
            self.stdout.write(f"{model._meta.label} {pk} {field}")
            if hide and issubclass(model, HIDEABLE) and (model, pk) not in hidden:
                target = model.objects.get(pk=pk)
                services.hide_for_personal_data(
                    target, _("CPR-nummer fundet af scan_personal_data (felt: %(field)s)") % {"field": field}
                )
                hidden.add((model, pk))
        summary = f"{hits} hit(s)" + (f", {len(hidden)} hidden" if hide else "")
        self.stdout.write(self.style.WARNING(summary) if hits else self.style.SUCCESS(summary))
