from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Forside"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from .highlights import retire_sections

        # What the cached "Nye metoder" and "Spredning" sections show (highlights.py).
        shown = ("methods.MethodPage", "wagtailcore.PageViewRestriction", "spread.Adoption", "spread.StatusChange")
        for sender in (*shown, "spread.OutcomeReport"):
            post_save.connect(retire_sections, sender=sender, dispatch_uid=f"home.sections.saved.{sender}")
            post_delete.connect(retire_sections, sender=sender, dispatch_uid=f"home.sections.deleted.{sender}")
        page_published.connect(retire_sections, dispatch_uid="home.sections.published")
        page_unpublished.connect(retire_sections, dispatch_uid="home.sections.unpublished")
