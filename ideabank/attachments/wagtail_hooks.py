"""A moderator's or editor's removal of a file shows in the moderation log with the file's name."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .services import REMOVE_ACTION


@hooks.register("register_log_actions")
def register_attachment_log_actions(actions):
    @actions.register_action(REMOVE_ACTION)
    class RemovedFormatter(LogFormatter):
        label = gettext_lazy("Fjern vedhæftet fil")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            message = _("Vedhæftet fil «%(name)s» fjernet") % {"name": data.get("name", "")}
            reason = (data.get("reason") or "").strip()
            return (
                _("%(message)s. Begrundelse: %(reason)s") % {"message": message, "reason": reason}
                if reason
                else message
            )
