"""What a user is told about: events concerning their ideas, comments and what they follow."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Verb(models.TextChoices):
    COMMENT_ON_IDEA = "comment_on_idea", _("Kommentar til min idé")
    REPLY_TO_COMMENT = "reply_to_comment", _("Svar på min kommentar")
    IDEA_TRIED = "idea_tried", _("Min idé er afprøvet")
    IDEA_HIDDEN = "idea_hidden", _("Min idé er skjult")
    IDEA_MERGED = "idea_merged", _("Min idé er lagt sammen med en anden")
    NEW_IDEA_FOLLOWED = "new_idea_followed", _("Ny idé om noget, jeg følger")


class Notification(models.Model):
    """One event for one recipient; unread until `read_at` is set."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    verb = models.CharField(_("hændelse"), max_length=20, choices=Verb.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    idea = models.ForeignKey("ideas.Idea", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    comment = models.ForeignKey("ideas.Comment", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    created = models.DateTimeField(_("oprettet"), auto_now_add=True)
    read_at = models.DateTimeField(_("læst"), null=True, blank=True)

    class Meta:
        verbose_name = _("notifikation")
        verbose_name_plural = _("notifikationer")
        ordering = ["-created", "-pk"]
        # The bell counts unread rows per user on every page view.
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self):
        return f"{self.recipient_id}: {self.verb}"

    @property
    def is_read(self):
        return self.read_at is not None


class NotificationPreference(models.Model):
    """How a user wants to hear about one kind of event; no row means in-app."""

    class Channel(models.TextChoices):
        IN_APP = "in_app", _("I Idébanken")
        EMAIL = "email", _("E-mail med det samme")
        DAILY = "daily", _("Daglig opsamling")
        WEEKLY = "weekly", _("Ugentlig opsamling")
        OFF = "off", _("Fra")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("hændelse"), max_length=20, choices=Verb.choices)
    channel = models.CharField(_("kanal"), max_length=10, choices=Channel.choices, default=Channel.IN_APP)

    class Meta:
        verbose_name = _("notifikationsindstilling")
        verbose_name_plural = _("notifikationsindstillinger")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_once")]

    def __str__(self):
        return f"{self.user_id}: {self.kind} → {self.channel}"
