"""Ideas and everything colleagues do with them: votes, comments, reports, follows and
"we tried it" reports. The rules that change these live in services.py."""

import functools
import operator

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from ideabank.validators import NAME_VALIDATORS, USER_TEXT_VALIDATORS, PlausibleDate

TEXT_MAX = 5000
TITLE_MAX = 150

# The lists' "published_at DESC NULLS LAST" spelled as two keys (ideas without a date last, then the newest
# first), so that an index can serve it on both databases: SQLite has no NULLS LAST in an index, and
# PostgreSQL's descending indexes put NULLs first. ideabank.ideas.queries.SORTS sorts by exactly these.
UNPUBLISHED_LAST = models.ExpressionWrapper(Q(published_at__isnull=True), output_field=models.BooleanField())
NEWEST_PUBLISHED = (UNPUBLISHED_LAST.asc(), models.F("published_at").desc())


class Stage(models.TextChoices):
    """The knowledge ladder (DESIGN §2), lowest first."""

    IDEA = "idea", _("Idé")
    TRIED = "tried", _("Afprøvet")
    PROMISING = "promising", _("Lovende praksis")
    METHOD = "method", _("Dokumenteret metode")
    EVIDENCE = "evidence", _("Effektdokumenteret")

    @classmethod
    def rank(cls, stage):
        return list(cls.values).index(stage)


def user_text(verbose_name, blank=False, help_text=""):
    return models.TextField(
        verbose_name,
        blank=blank,
        help_text=help_text,
        validators=[MaxLengthValidator(TEXT_MAX), *USER_TEXT_VALIDATORS],
    )


class IdeaTag(TaggedItemBase):
    content_object = models.ForeignKey("Idea", on_delete=models.CASCADE, related_name="tagged_items")


class Idea(models.Model):
    """A concrete solution to a concrete problem, posted by frontline staff."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        PENDING = "pending", _("Afventer godkendelse")
        PUBLISHED = "published", _("Offentliggjort")
        HIDDEN = "hidden", _("Skjult")
        MERGED = "merged", _("Sammenlagt")
        ARCHIVED = "archived", _("Arkiveret")

    title = models.CharField(
        _("titel"),
        max_length=TITLE_MAX,
        validators=NAME_VALIDATORS,
        help_text=_("Kort og konkret, fx 'Fast kontaktperson til unge efter anbringelse'."),
    )
    problem = user_text(_("problem"), help_text=_("Hvilket konkret problem løser idéen? Hvem oplever det?"))
    solution = user_text(_("løsning"), help_text=_("Hvad gør I? Beskriv det, så en kollega kan gøre det samme."))
    context = user_text(_("sammenhæng"), blank=True, help_text=_("Hvor og for hvem er idéen afprøvet?"))
    results = user_text(_("resultater"), blank=True, help_text=_("Hvad skete der? Hvad blev bedre for borgerne?"))
    target_groups = models.ManyToManyField("taxonomy.TargetGroup", verbose_name=_("målgrupper"), blank=True)
    themes = models.ManyToManyField("taxonomy.Theme", verbose_name=_("indsatsområder"), blank=True)
    tags = TaggableManager(through=IdeaTag, verbose_name=_("emneord"), blank=True)
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="ideas"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("forfatter"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="ideas",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    stage = models.CharField(_("trin"), max_length=12, choices=Stage.choices, default=Stage.IDEA)
    merged_into = models.ForeignKey(
        "self", verbose_name=_("lagt sammen med"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    hidden_by_reports = models.BooleanField(default=False, editable=False)
    vote_count = models.PositiveIntegerField(_("stemmer"), default=0, editable=False)
    comment_count = models.PositiveIntegerField(_("kommentarer"), default=0, editable=False)
    # Sum of 2^((vote time − epoch) / half-life) over current votes: sorting by it ranks recent votes higher.
    trending_score = models.FloatField(default=0, editable=False)
    created = models.DateTimeField(_("oprettet"), auto_now_add=True, db_index=True)
    updated = models.DateTimeField(_("opdateret"), auto_now=True)
    published_at = models.DateTimeField(_("offentliggjort"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("idé")
        verbose_name_plural = _("idéer")
        indexes = [
            models.Index(fields=["status", "-published_at"], name="idea_status_published"),
            # One per list sort (queries.SORTS), in the sort's own order: a page of the list reads the first
            # rows of the index instead of sorting every visible idea (which a status prefix cannot avoid:
            # the lists show two statuses, and logged-in users their own ideas too).
            models.Index(*NEWEST_PUBLISHED, models.F("created").desc(), models.F("id").desc(), name="idea_sort_newest"),
            models.Index(
                models.F("vote_count").desc(), *NEWEST_PUBLISHED, models.F("id").desc(), name="idea_sort_votes"
            ),
            models.Index(
                models.F("trending_score").desc(), *NEWEST_PUBLISHED, models.F("id").desc(), name="idea_sort_trending"
            ),
            models.Index(
                models.F("comment_count").desc(), *NEWEST_PUBLISHED, models.F("id").desc(), name="idea_sort_comments"
            ),
            # Everything list counts and facets read of an idea, so they scan this small index, not the wide rows.
            models.Index(fields=["status", "stage", "organisation", "id"], name="idea_facets"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("ideas:detail", args=[self.pk])

    @property
    def is_public(self):
        return self.status in (self.Status.PUBLISHED, self.Status.ARCHIVED)


class Vote(models.Model):
    """One person's support for an idea. The unique constraint is what keeps counts exact."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="votes")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="votes")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "idea"], name="one_vote_per_user_and_idea")]
        verbose_name = _("stemme")
        verbose_name_plural = _("stemmer")

    def __str__(self):
        return f"{self.user_id} → {self.idea_id}"


class Comment(models.Model):
    """A threaded comment (at most three levels). Deleted comments stay as a placeholder in the thread."""

    MAX_DEPTH = 3
    EDIT_MINUTES = 15

    class Status(models.TextChoices):
        VISIBLE = "visible", _("Synlig")
        HIDDEN = "hidden", _("Skjult")
        DELETED = "deleted", _("Slettet")

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="comments")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies")
    depth = models.PositiveSmallIntegerField(default=1, editable=False)
    body = user_text(_("kommentar"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.VISIBLE)
    hidden_by_reports = models.BooleanField(default=False, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created"]
        verbose_name = _("kommentar")
        verbose_name_plural = _("kommentarer")
        indexes = [models.Index(fields=["idea", "created"], name="comment_idea_created")]

    def __str__(self):
        return self.body[:60]


class Report(models.Model):
    """A flag on an idea or a comment. Three open reports hide the content until a moderator decides."""

    HIDE_THRESHOLD = 3

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam eller reklame")
        OFFENSIVE = "offensive", _("Krænkende eller stødende")
        PERSONAL_DATA = "personal_data", _("Personoplysninger om borgere")
        OFF_TOPIC = "off_topic", _("Hører ikke hjemme her")

    class Resolution(models.TextChoices):
        UPHELD = "upheld", _("Indholdet er skjult")
        DISMISSED = "dismissed", _("Afvist, indholdet er synligt")

    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, null=True, blank=True, related_name="reports")
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="reports")
    reason = models.CharField(_("årsag"), max_length=20, choices=Reason.choices)
    note = models.CharField(_("bemærkning"), max_length=500, blank=True, validators=USER_TEXT_VALIDATORS)
    created = models.DateTimeField(_("anmeldt"), auto_now_add=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField(_("behandlet"), null=True, blank=True)
    resolution = models.CharField(_("afgørelse"), max_length=12, choices=Resolution.choices, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("anmeldelse")
        verbose_name_plural = _("anmeldelser")
        constraints = [
            models.CheckConstraint(
                condition=Q(idea__isnull=False, comment__isnull=True) | Q(idea__isnull=True, comment__isnull=False),
                name="report_targets_idea_or_comment",
            ),
            models.UniqueConstraint(
                fields=["reporter", "idea"], condition=Q(handled_at__isnull=True), name="one_open_report_per_idea"
            ),
            models.UniqueConstraint(
                fields=["reporter", "comment"], condition=Q(handled_at__isnull=True), name="one_open_report_per_comment"
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.target}"

    @property
    def target(self):
        return self.idea or self.comment


FOLLOW_KINDS = ("idea", "tag", "target_group", "organisation", "method")


def exactly_one_of(fields):
    """A condition that holds when exactly one of the nullable foreign keys `fields` is set."""
    return functools.reduce(
        operator.or_,
        (Q(**{f"{field}__isnull": field != chosen for field in fields}) for chosen in fields),
    )


class Follow(models.Model):
    """A user follows an idea, a tag, a target group, an organisation or a method, to hear about news there."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, null=True, blank=True, related_name="follows")
    tag = models.ForeignKey("taggit.Tag", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    target_group = models.ForeignKey(
        "taxonomy.TargetGroup", on_delete=models.CASCADE, null=True, blank=True, related_name="follows"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="follows"
    )
    method = models.ForeignKey(
        "methods.MethodPage", on_delete=models.CASCADE, null=True, blank=True, related_name="follows"
    )
    created = models.DateTimeField(auto_now_add=True)

    KINDS = FOLLOW_KINDS

    class Meta:
        verbose_name = _("følger")
        verbose_name_plural = _("følger")
        constraints = [
            models.CheckConstraint(condition=exactly_one_of(FOLLOW_KINDS), name="follow_exactly_one_target"),
            models.UniqueConstraint(fields=["user", "idea"], name="follow_idea_once"),
            models.UniqueConstraint(fields=["user", "tag"], name="follow_tag_once"),
            models.UniqueConstraint(fields=["user", "target_group"], name="follow_target_group_once"),
            models.UniqueConstraint(fields=["user", "organisation"], name="follow_organisation_once"),
            models.UniqueConstraint(fields=["user", "method"], name="follow_method_once"),
        ]

    def __str__(self):
        return f"{self.user_id} → {self.kind}:{self.target}"

    @property
    def kind(self):
        return next(kind for kind in self.KINDS if getattr(self, f"{kind}_id"))

    @property
    def target(self):
        return getattr(self, self.kind)


class TriedReport(models.Model):
    """ "Vi har prøvet det": an organisation tried the idea, and says when and what happened."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="tried_reports")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="tried_reports")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    tried_from = models.DateField(_("afprøvet fra"), validators=[PlausibleDate()])
    tried_to = models.DateField(_("afprøvet til"), null=True, blank=True, validators=[PlausibleDate()])
    what_happened = user_text(
        _("hvad skete der?"), help_text=_("Hvad gjorde I, og hvad kom der ud af det for borgerne?")
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tried_from"]
        verbose_name = _("afprøvning")
        verbose_name_plural = _("afprøvninger")
        constraints = [
            models.UniqueConstraint(fields=["idea", "organisation"], name="one_tried_report_per_organisation")
        ]

    def __str__(self):
        return f"{self.organisation} · {self.idea}"
