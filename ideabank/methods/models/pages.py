from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ideabank.ideas.models import Stage
from ideabank.pagecache import personal
from ideabank.validators import USER_TEXT_VALIDATORS

from ..blocks import RICH_TEXT_FEATURES, MethodDescriptionBlock
from ..business_case import DEFAULT_HORIZON
from ..elements import EVIDENCE_LEVELS, Dimension, Level
from .business_case import (
    FACTOR_RANGE,
    HORIZON_RANGE,
    NOT_NEGATIVE,
    RATE_RANGE,
    LocalizedDecimalField,
    business_case_panels,
)

METHODS_PER_PAGE = 20


class MethodPageTag(TaggedItemBase):
    content_object = ParentalKey("MethodPage", on_delete=models.CASCADE, related_name="tagged_items")


class MethodIndexPage(Page):
    """The catalogue of methods, filterable by target group, theme, stage and knowledge declaration."""

    intro = RichTextField(_("introduktion"), blank=True, features=RICH_TEXT_FEATURES, validators=USER_TEXT_VALIDATORS)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    def serve(self, request, *args, **kwargs):
        from ideabank.taxonomy.slugs import retired_slug_redirect

        return retired_slug_redirect(request) or super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .. import queries

        context = super().get_context(request, *args, **kwargs)
        filters = queries.MethodFilters.from_query(request.GET)
        methods = queries.list_methods(request.user, filters)
        page = Paginator(methods, METHODS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            filters=filters,
            methods=page,
            facets=queries.facets(request.user, filters),
            sort_labels=queries.SORT_LABELS,
        )
        return context

    parent_page_types = ["home.HomePage"]
    subpage_types = ["methods.MethodPage"]
    max_count = 1

    class Meta:
        verbose_name = _("metodeoversigt")


def declaration_level(dimension):
    return models.CharField(Dimension(dimension).label, max_length=1, choices=Level.choices, blank=True)


def declaration_justification():
    return models.TextField(_("begrundelse"), blank=True, validators=USER_TEXT_VALIDATORS)


def factor_field(label, default):
    return LocalizedDecimalField(
        label, max_digits=4, decimal_places=2, default=Decimal(default), validators=FACTOR_RANGE
    )


class MethodPage(Page):
    """A documented method: what it solves, for whom, how to do it, what it costs, and how strong the
    knowledge behind it is. Ideas are promoted into it (see Promotion), and #7 adds where it has spread."""

    summary = models.TextField(
        _("resumé"),
        max_length=600,
        validators=USER_TEXT_VALIDATORS,
        help_text=_("Et kort afsnit til oversigter og søgning."),
    )
    problem = RichTextField(_("problem"), features=RICH_TEXT_FEATURES, blank=True, validators=USER_TEXT_VALIDATORS)
    target_groups = ParentalManyToManyField("taxonomy.TargetGroup", verbose_name=_("målgrupper"), blank=True)
    themes = ParentalManyToManyField("taxonomy.Theme", verbose_name=_("indsatsområder"), blank=True)
    tags = ClusterTaggableManager(through=MethodPageTag, verbose_name=_("emneord"), blank=True)
    theory_of_change = RichTextField(
        _("forandringsteori"), features=RICH_TEXT_FEATURES, blank=True, validators=USER_TEXT_VALIDATORS
    )
    description = StreamField(MethodDescriptionBlock(), verbose_name=_("beskrivelse"), blank=True)
    goals = RichTextField(_("mål"), features=RICH_TEXT_FEATURES, blank=True, validators=USER_TEXT_VALIDATORS)
    resources = RichTextField(
        _("ressourcer og økonomi"), features=RICH_TEXT_FEATURES, blank=True, validators=USER_TEXT_VALIDATORS
    )
    research = ParentalManyToManyField(
        "methods.ResearchItem", verbose_name=_("forskning"), blank=True, related_name="methods"
    )
    declaration_maalgruppe = declaration_level(Dimension.TARGET_GROUP)
    declaration_maalgruppe_justification = declaration_justification()
    declaration_metode = declaration_level(Dimension.METHOD)
    declaration_metode_justification = declaration_justification()
    declaration_implementering = declaration_level(Dimension.IMPLEMENTATION)
    declaration_implementering_justification = declaration_justification()
    declaration_effekt = declaration_level(Dimension.EFFECT)
    declaration_effekt_justification = declaration_justification()
    declaration_oekonomi = declaration_level(Dimension.ECONOMY)
    declaration_oekonomi_justification = declaration_justification()
    # The business case (#23), on the "Økonomi" tab; the figures themselves are computed (spread.economics).
    business_cost = LocalizedDecimalField(
        _("udgift pr. borger (kr.)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NOT_NEGATIVE,
        help_text=_(
            "Lad feltet stå tomt for at bruge gennemsnittet af organisationernes resultatrapporter, "
            "vægtet med borgere nået."
        ),
    )
    business_cost_source = models.CharField(
        _("kilde til udgiften"),
        max_length=500,
        blank=True,
        validators=USER_TEXT_VALIDATORS,
        help_text=_("Hvor kommer tallet fra? Et link eller en kort henvisning."),
    )
    business_horizon = models.PositiveSmallIntegerField(
        _("tidshorisont (år)"), default=DEFAULT_HORIZON, validators=HORIZON_RANGE
    )
    # In percent, as editors write it; the arithmetic takes a fraction.
    business_discount_rate = LocalizedDecimalField(
        _("diskonteringsrente (%)"), max_digits=4, decimal_places=2, default=Decimal("4"), validators=RATE_RANGE
    )
    business_factor_low = factor_field(_("faktor, lavt scenarie"), "0.5")
    business_factor_expected = factor_field(_("faktor, forventet scenarie"), "1")
    business_factor_high = factor_field(_("faktor, højt scenarie"), "1.5")
    # Derived in save(): a method is documented, and evidence-based once its effect is rated A or B.
    stage = models.CharField(_("trin"), max_length=12, choices=Stage.choices, default=Stage.METHOD, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("problem"),
        MultiFieldPanel([FieldPanel("target_groups"), FieldPanel("themes"), FieldPanel("tags")], heading=_("Emner")),
        FieldPanel("theory_of_change"),
        FieldPanel("description"),
        FieldPanel("goals"),
        InlinePanel("indicators", heading=_("Effektindikatorer"), label=_("Indikator")),
        FieldPanel("resources"),
    ]
    knowledge_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel(f"declaration_{dimension}"), FieldPanel(f"declaration_{dimension}_justification")]
                )
                for dimension in Dimension.values
            ],
            heading=_("Vidensdeklaration"),
        ),
        FieldPanel("research"),
    ]
    economy_panels = [
        *business_case_panels(),
        InlinePanel("effects", heading=_("Effekter"), label=_("Effekt")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Indhold")),
            ObjectList(knowledge_panels, heading=_("Viden")),
            ObjectList(economy_panels, heading=_("Økonomi")),
            ObjectList(Page.promote_panels, heading=_("Promovering")),
            ObjectList(Page.settings_panels, heading=_("Indstillinger")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("problem"),
        index.FilterField("stage"),
    ]

    class Meta:
        verbose_name = _("metode")
        verbose_name_plural = _("metoder")

    def clean(self):
        super().clean()
        if self.business_cost is not None and not self.business_cost_source.strip():
            raise ValidationError({"business_cost_source": _("Angiv kilden til udgiften, når du selv sætter den.")})

    def save(self, *args, **kwargs):
        self.stage = Stage.EVIDENCE if self.declaration_effekt in EVIDENCE_LEVELS else Stage.METHOD
        return super().save(*args, **kwargs)

    def declaration(self):
        """[(dimension, level, justification)] in the declaration's order; a rated level is a Level (its label says
        in words what the letter means), an unrated one is ''."""
        return [
            (
                Dimension(key),
                Level(getattr(self, f"declaration_{key}")) if getattr(self, f"declaration_{key}") else "",
                getattr(self, f"declaration_{key}_justification"),
            )
            for key in Dimension.values
        ]

    def declaration_levels(self):
        return {key: getattr(self, f"declaration_{key}") or None for key in Dimension.values}

    def latest_assessment(self):
        return self.assessments.prefetch_related("scores").select_related("assessor").first()

    def serve(self, request, *args, **kwargs):
        personal.share_page(request, self)  # the follow button and "Vi bruger metoden" are personal parts
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .. import queries

        context = super().get_context(request, *args, **kwargs)
        context.update(queries.method_context(self, request.user))
        return context

    parent_page_types = ["methods.MethodIndexPage"]
    subpage_types = []


class OutcomeIndicator(Orderable):
    """What a method promises to move for citizens, so outcome reports (#7) can be compared."""

    class Direction(models.TextChoices):
        UP = "up", _("Skal gå op")
        DOWN = "down", _("Skal gå ned")

    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indikator"), max_length=200, validators=USER_TEXT_VALIDATORS)
    unit = models.CharField(
        _("enhed"),
        max_length=60,
        validators=USER_TEXT_VALIDATORS,
        help_text=_("Fx 'andel i job', 'dage', 'point på skala 1-10'."),
    )

    class Counting(models.TextChoices):
        SHARE = "share", _("Procent af borgerne (procentpoint × borgere nået / 100)")
        PER_CITIZEN = "per_citizen", _("Gennemsnit pr. borger (ændring × borgere nået)")
        TOTAL = "total", _("Antal for hele gruppen (ændringen selv)")

    direction = models.CharField(_("ønsket retning"), max_length=4, choices=Direction.choices, default=Direction.UP)
    # Payment by results (#23): what the method aims for, and what one achieved outcome is worth.
    target = LocalizedDecimalField(
        _("mål"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Den værdi, indikatoren skal nå, i indikatorens enhed."),
    )
    price = LocalizedDecimalField(
        _("pris pr. opnået resultat (kr.)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NOT_NEGATIVE,
        help_text=_("Udfyld for at vise, hvad der ville blive betalt ved resultatbaseret afregning."),
    )
    counting = models.CharField(
        _("opnåede resultater tælles som"),
        max_length=12,
        choices=Counting.choices,
        default=Counting.SHARE,
        help_text=_("Hvordan en forbedring i ønsket retning omregnes til antal opnåede resultater."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("unit"), FieldPanel("direction")]),
        FieldRowPanel([FieldPanel("target"), FieldPanel("price"), FieldPanel("counting")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("effektindikator")
        verbose_name_plural = _("effektindikatorer")

    def __str__(self):
        return f"{self.name} ({self.unit})"
