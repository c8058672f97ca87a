"""The landing page: what is happening now, for everyone, and for a logged-in user what concerns them."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ideabank.pagecache import personal
from ideabank.validators import USER_TEXT_VALIDATORS


class HomePage(Page):
    """Front door of Idébanken: what it is, and where to start (trending ideas, new methods, spread)."""

    lead = models.CharField(_("manchet"), max_length=300, blank=True, validators=USER_TEXT_VALIDATORS)
    intro = RichTextField(
        _("introduktion"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        validators=USER_TEXT_VALIDATORS,
    )

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("forside")

    def serve(self, request, *args, **kwargs):
        personal.share_page(request, self)  # "Til dig" is a personal part (parts.py)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from ideabank.ideas.fragments import idea_rows
        from ideabank.spread import version

        from . import sections
        from .highlights import spread_highlights

        context = super().get_context(request, *args, **kwargs)
        # Read only when the cached sections are missing (home_page.html).
        context["spread_version"] = version.current()
        context["spread"] = SimpleLazyObject(spread_highlights)
        context["new_methods"] = SimpleLazyObject(sections.newest_methods)
        context["trending_rows"] = idea_rows(sections.trending_ideas())
        return context


class AccessibilityStatus(models.TextChoices):
    FULL = "full", _("Fuldt overholdt")
    PARTIAL = "partial", _("Delvist overholdt")
    NONE = "none", _("Ikke overholdt")


@register_setting(icon="view")
class AccessibilitySettings(BaseSiteSetting):
    """What the accessibility statement (/tilgaengelighed/) says that only the operator knows: who is
    responsible, how to reach them, the compliance status and the known problems. The rest of the
    statement is fixed text in the template, following the Danish statement structure."""

    responsible = models.CharField(
        _("ansvarlig myndighed"),
        max_length=200,
        blank=True,
        validators=USER_TEXT_VALIDATORS,
        help_text=_("Den myndighed, der driver Idébanken og svarer for erklæringen, fx 'Socialstyrelsen'."),
    )
    contact_email = models.EmailField(_("kontakt-e-mail"), blank=True)
    contact_phone = models.CharField(_("kontakttelefon"), max_length=40, blank=True, validators=USER_TEXT_VALIDATORS)
    contact_hours = models.CharField(
        _("telefontid"),
        max_length=200,
        blank=True,
        validators=USER_TEXT_VALIDATORS,
        help_text=_("Fx 'Hverdage kl. 9–15'."),
    )
    status = models.CharField(
        _("overholdelse"), max_length=10, choices=AccessibilityStatus.choices, default=AccessibilityStatus.PARTIAL
    )
    known_issues = models.TextField(
        _("kendte problemer"),
        blank=True,
        validators=USER_TEXT_VALIDATORS,
        help_text=_("Indhold, der ikke er tilgængeligt, og hvorfor. Ét problem pr. linje."),
    )
    prepared_on = models.DateField(_("erklæringen er udarbejdet"), null=True, blank=True)
    reviewed_on = models.DateField(_("senest gennemgået"), null=True, blank=True)
    was_url = models.URLField(
        _("erklæringen i WAS-Tool"),
        blank=True,
        help_text=_("Den officielle erklæring hos Digitaliseringsstyrelsen (was.digst.dk/…). /was/ leder dertil."),
    )

    panels = [
        FieldPanel("responsible"),
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        FieldPanel("contact_hours"),
        FieldPanel("status"),
        FieldPanel("known_issues"),
        FieldPanel("prepared_on"),
        FieldPanel("reviewed_on"),
        FieldPanel("was_url"),
    ]

    class Meta:
        verbose_name = _("tilgængelighedserklæring")

    @property
    def known_issue_list(self):
        return [line.strip() for line in self.known_issues.splitlines() if line.strip()]
