from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ideabank.validators import USER_TEXT_VALIDATORS


class EscalationPin(models.Model):
    """An editor's wish to look at an idea before it crosses the thresholds of the escalation queue."""

    idea = models.OneToOneField("ideas.Idea", on_delete=models.CASCADE, related_name="escalation_pin")
    pinned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("fastgjort idé")
        verbose_name_plural = _("fastgjorte idéer")

    def __str__(self):
        return str(self.idea)


class QueueSetAside(models.Model):
    """An editor took an idea out of the escalation queue: for a while (snooze) or for good (dismiss), with a
    reason, so the next editor knows why it is not there. One row per idea; a new decision replaces it."""

    class Kind(models.TextChoices):
        SNOOZE = "snooze", _("Udsat")
        DISMISS = "dismiss", _("Afvist")

    idea = models.OneToOneField("ideas.Idea", on_delete=models.CASCADE, related_name="queue_set_aside")
    kind = models.CharField(_("handling"), max_length=8, choices=Kind.choices)
    reason = models.CharField(_("begrundelse"), max_length=500, validators=USER_TEXT_VALIDATORS)
    # Snoozed ideas come back on this day; dismissed ideas have none.
    until = models.DateField(_("udsat til"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("idé taget ud af køen")
        verbose_name_plural = _("idéer taget ud af køen")

    def __str__(self):
        return f"{self.idea} ({self.get_kind_display()})"
