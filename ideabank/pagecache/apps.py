from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_save


class PageCacheConfig(AppConfig):
    """Moves the cache generation on whenever a model that a public page could show is saved.

    Deletions are not listened to: a post_delete receiver for every model would stop Django from
    deleting without loading the rows first. Deleting public content happens in web requests, which
    move the generation on by themselves (middleware.py); anything else ages out within
    IDEABANK_PAGE_CACHE_SECONDS.
    """

    name = "ideabank.pagecache"
    label = "pagecache"

    def ready(self):
        from . import store

        for signal in (post_save, m2m_changed):
            signal.connect(store.model_changed, dispatch_uid=f"pagecache-{signal}")
