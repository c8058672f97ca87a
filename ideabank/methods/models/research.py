from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from ideabank.validators import NAME_VALIDATORS, USER_TEXT_VALIDATORS


class ResearchItem(index.Indexed, models.Model):
    """A study or evaluation behind a method, kept once in the research library and linked to many methods."""

    class Design(models.TextChoices):
        RCT = "rct", _("Lodtrækningsforsøg (RCT)")
        QUASI = "quasi", _("Kvasi-eksperimentelt studie")
        PRE_POST = "pre_post", _("Før-efter-måling")
        QUALITATIVE = "qualitative", _("Kvalitativt studie")
        PRACTICE = "practice", _("Praksiserfaring")

    title = models.CharField(_("titel"), max_length=300, validators=NAME_VALIDATORS)
    authors = models.CharField(_("forfattere"), max_length=300, validators=USER_TEXT_VALIDATORS)
    year = models.PositiveSmallIntegerField(_("år"), validators=[MinValueValidator(1900), MaxValueValidator(2100)])
    link = models.URLField(_("link"), blank=True)
    design = models.CharField(_("design"), max_length=12, choices=Design.choices)
    findings = models.TextField(
        _("fund"), validators=USER_TEXT_VALIDATORS, help_text=_("Hvad fandt undersøgelsen? Kort og præcist.")
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("authors"), FieldPanel("year")]),
        FieldPanel("design"),
        FieldPanel("link"),
        FieldPanel("findings"),
    ]

    search_fields = [
        index.SearchField("title"),
        index.SearchField("authors"),
        index.AutocompleteField("title"),
        index.FilterField("design"),
    ]

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("undersøgelse")
        verbose_name_plural = _("forskningsbibliotek")

    def __str__(self):
        return f"{self.title} ({self.year})"
