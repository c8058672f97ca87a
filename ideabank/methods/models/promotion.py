from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Promotion(models.Model):
    """An idea lifted into a method: the link between the two and the credit to the idea's author.

    Kept outside the page's revisions on purpose: one row per idea (the unique key makes promotion
    idempotent, even under two concurrent requests), and editing a draft can never drop the credit.
    """

    idea = models.OneToOneField("ideas.Idea", on_delete=models.CASCADE, related_name="promotion")
    method = models.ForeignKey("methods.MethodPage", on_delete=models.CASCADE, related_name="promotions")
    promoted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    # Set when the method is first published and the idea's people have been told.
    announced_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("løft til metode")
        verbose_name_plural = _("løft til metode")

    def __str__(self):
        return f"{self.idea} → {self.method}"
