"""Publishing a method moves its origin ideas up the ladder and tells their people."""

from django.db import transaction
from wagtail.signals import page_published

from .models import MethodPage


def method_published(sender, instance, **kwargs):
    from .services import announce

    transaction.on_commit(lambda: announce(instance))


page_published.connect(method_published, sender=MethodPage)
