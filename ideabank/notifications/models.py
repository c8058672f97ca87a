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
    IDEA_ASSESSED = "idea_assessed", _("Min idé er vurderet")
    # Told to the author and to everyone who voted for or follows the idea, so the label names all three.
    IDEA_PROMOTED = "idea_promoted", _("En idé, jeg har skrevet, stemt på eller følger, er løftet til metode")
    METHOD_ADOPTED = "method_adopted", _("En metode, jeg følger, er taget i brug")
    CONTENT_AUTO_HIDDEN = "content_auto_hidden", _("Mit indhold er skjult efter anmeldelser")


class Notification(models.Model):
    """One event for one recipient; unread until `read_at` is set."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    verb = models.CharField(_("hændelse"), max_length=20, choices=Verb.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    idea = models.ForeignKey("ideas.Idea", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    comment = models.ForeignKey("ideas.Comment", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    # A method is a Wagtail page; the notification outlives it (and then links to the idea or the list).
    method = models.ForeignKey("wagtailcore.Page", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # A short addition to the sentence, e.g. an assessment's conclusion, stored as its Danish msgid so that
    # it can be translated into the recipient's language whenever the text is rendered.
    detail = models.CharField(_("detalje"), max_length=200, blank=True)
    created = models.DateTimeField(_("oprettet"), auto_now_add=True)
    read_at = models.DateTimeField(_("læst"), null=True, blank=True)
    # Set once the notification has gone out by e-mail, at once or in a digest: nothing is e-mailed twice.
    emailed_at = models.DateTimeField(_("sendt som e-mail"), null=True, blank=True)
    digest = models.ForeignKey(
        "notifications.Digest", on_delete=models.SET_NULL, null=True, blank=True, related_name="notifications"
    )

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


class Digest(models.Model):
    """One digest e-mail sent to one user: when the next one is due, and which notifications it carried."""

    class Frequency(models.TextChoices):
        DAILY = "daily", _("Daglig")
        WEEKLY = "weekly", _("Ugentlig")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    frequency = models.CharField(_("hyppighed"), max_length=10, choices=Frequency.choices)
    sent_at = models.DateTimeField(_("sendt"))

    class Meta:
        verbose_name = _("opsamling")
        verbose_name_plural = _("opsamlinger")
        ordering = ["-sent_at"]
        indexes = [models.Index(fields=["user", "frequency", "sent_at"], name="digest_last_sent")]

    def __str__(self):
        return f"{self.user_id}: {self.frequency} {self.sent_at:%Y-%m-%d}"
