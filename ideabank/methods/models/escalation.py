from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
