from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "ideabank.taxonomy"
    verbose_name = _("Klassifikation")

    def ready(self):
        # Free tags get the same readable slugs as the curated vocabularies ("aeldre", not "ældre"); taggit
        # asks its Tag.slugify for every new tag (with a numeric suffix when the slug is taken).
        from taggit.models import Tag

        from .slugs import danish_slugify

        Tag.slugify = lambda tag, name, i=None: danish_slugify(name, i)
