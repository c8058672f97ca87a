from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class PageCacheConfig(AppConfig):
    """Moves the cache generation on whenever a model that a public page could show is written."""

    name = "ideabank.pagecache"
    label = "pagecache"

    def ready(self):
        from . import store

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(store.model_changed, dispatch_uid=f"pagecache-{signal}")
