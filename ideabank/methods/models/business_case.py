from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from ideabank.validators import USER_TEXT_VALIDATORS

from ..business_case import MAX_HORIZON, MAX_RATE, MIN_HORIZON


class LocalizedDecimalField(models.DecimalField):
    """A decimal that editors type as they write it (3,5 in Danish, 3.5 in English) in the page editor.
    Stored, and migrated, as a plain DecimalField."""

    def formfield(self, **kwargs):
        return super().formfield(**{"localize": True, **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.DecimalField", args, kwargs


NOT_NEGATIVE = [MinValueValidator(0)]
HORIZON_RANGE = [MinValueValidator(MIN_HORIZON), MaxValueValidator(MAX_HORIZON)]
SHARE_RANGE = [MinValueValidator(0), MaxValueValidator(1)]
FACTOR_RANGE = [MinValueValidator(0), MaxValueValidator(10)]
RATE_RANGE = [MinValueValidator(0), MaxValueValidator(MAX_RATE * 100)]


def business_case_panels():
    return [
        MultiFieldPanel(
            [FieldPanel("business_cost"), FieldPanel("business_cost_source")],
            heading=_("Udgift"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("business_horizon"), FieldPanel("business_discount_rate")]),
                FieldRowPanel(
                    [
                        FieldPanel("business_factor_low"),
                        FieldPanel("business_factor_expected"),
                        FieldPanel("business_factor_high"),
                    ]
                ),
            ],
            heading=_("Beregning og scenarier"),
            help_text=_("Scenarierne ganger hver effekts andel med deres faktor (en andel kan højst blive 1)."),
        ),
    ]


class BusinessEffect(Orderable):
    """What one citizen's course saves the public purse, year by year, and how sure we are of it: the
    business case's benefits. Without a source it is still counted, but the page warns about it."""

    page = ParentalKey("methods.MethodPage", on_delete=models.CASCADE, related_name="effects")
    label = models.CharField(
        _("effekt"),
        max_length=200,
        validators=USER_TEXT_VALIDATORS,
        help_text=_("Fx 'undgået anbringelse' eller 'i job eller uddannelse'."),
    )
    value_per_year = LocalizedDecimalField(
        _("værdi pr. borger pr. år (kr.)"), max_digits=12, decimal_places=2, validators=NOT_NEGATIVE
    )
    share = LocalizedDecimalField(
        _("andel af borgerne (0–1)"),
        max_digits=5,
        decimal_places=4,
        null=True,
        blank=True,
        validators=SHARE_RANGE,
        help_text=_("0,3 betyder, at 30 % af borgerne opnår effekten."),
    )
    measured_share = models.BooleanField(
        _("brug den målte andel"),
        default=False,
        help_text=_("Brug andelen af borgerne, der følte sig hjulpet, fra organisationernes resultatrapporter."),
    )
    years = models.PositiveSmallIntegerField(_("varighed (år)"), validators=HORIZON_RANGE)
    source_research = models.ForeignKey(
        "methods.ResearchItem",
        verbose_name=_("kilde i forskningsbiblioteket"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    source_link = models.URLField(_("kilde (link)"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("value_per_year"), FieldPanel("years")]),
        FieldRowPanel([FieldPanel("share"), FieldPanel("measured_share")]),
        FieldRowPanel([FieldPanel("source_research"), FieldPanel("source_link")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("effekt")
        verbose_name_plural = _("effekter")

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if self.share is None and not self.measured_share:
            raise ValidationError({"share": _("Skriv en andel mellem 0 og 1, eller vælg den målte andel.")})

    @property
    def has_source(self):
        return bool(self.source_research_id or self.source_link)
