"""Shared vocabularies: Danish regions and municipalities (reference data) and the curated
target groups and themes that ideas and methods are filed under."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from ideabank.validators import NAME_VALIDATORS, USER_TEXT_VALIDATORS

from .slugs import danish_slugify


class Region(models.Model):
    """One of the five Danish regions, keyed by its official code (1081–1085)."""

    code = models.PositiveIntegerField(_("kode"), primary_key=True)
    name = models.CharField(_("navn"), max_length=100, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regioner")

    def __str__(self):
        return self.name


class Municipality(models.Model):
    """One of the 98 municipalities, keyed by its official code (e.g. 751 Aarhus)."""

    code = models.PositiveIntegerField(_("kode"), primary_key=True)
    name = models.CharField(_("navn"), max_length=100, unique=True)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="municipalities")

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self):
        return self.name


class Vocabulary(models.Model):
    """A curated term editors maintain as a snippet; the slug is the stable key used in URLs and the API."""

    name = models.CharField(_("navn"), max_length=100, unique=True, validators=NAME_VALIDATORS)
    slug = models.SlugField(_("kort navn"), max_length=100, unique=True, blank=True)
    description = models.TextField(_("beskrivelse"), blank=True, validators=USER_TEXT_VALIDATORS)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = danish_slugify(self.name)
        super().save(*args, **kwargs)


class TargetGroup(index.Indexed, Vocabulary):
    """Målgruppe: the citizens an idea or method is meant to help."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("målgruppe")
        verbose_name_plural = _("målgrupper")


class Theme(index.Indexed, Vocabulary):
    """Indsatsområde: the field of social work an idea or method belongs to."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("indsatsområde")
        verbose_name_plural = _("indsatsområder")


class OldSlug(models.Model):
    """A slug that was retired when addresses learnt æ, ø and å (or an editor renamed a term): old links and
    bookmarks still lead to the thing through a permanent redirect."""

    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("Organisation")
        TARGET_GROUP = "target_group", _("Målgruppe")
        THEME = "theme", _("Indsatsområde")
        TAG = "tag", _("Emneord")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    old = models.CharField(max_length=255)
    current = models.CharField(max_length=255)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "old"], name="old_slug_once_per_kind")]

    def __str__(self):
        return f"{self.kind}: {self.old} → {self.current}"
