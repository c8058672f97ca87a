"""A published method takes over the adoptions registered for the ideas promoted into it — when it is
published, and when an idea is promoted into a method that is already live."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from ideabank.methods.models import MethodPage, Promotion

from . import version


def method_published(sender, instance, **kwargs):
    from .services import carry_over

    def carry():
        for promotion in Promotion.objects.filter(method_id=instance.pk).select_related("idea"):
            carry_over(promotion.idea, instance)

    transaction.on_commit(carry)


def idea_promoted(sender, instance, created, **kwargs):
    from .services import carry_over

    if not created:
        return
    method = MethodPage.objects.filter(pk=instance.method_id).first()
    if method is not None and method.live:
        transaction.on_commit(lambda: carry_over(instance.idea, method))


page_published.connect(method_published, sender=MethodPage, dispatch_uid="ideabank.spread.carry_over")
post_save.connect(idea_promoted, sender=Promotion, dispatch_uid="ideabank.spread.carry_over_on_promotion")

for source in version.SOURCES:
    post_save.connect(version.move_on, sender=source, dispatch_uid=f"ideabank.spread.version.saved.{source}")
    post_delete.connect(version.move_on, sender=source, dispatch_uid=f"ideabank.spread.version.deleted.{source}")
page_published.connect(version.move_on, dispatch_uid="ideabank.spread.version.published")
page_unpublished.connect(version.move_on, dispatch_uid="ideabank.spread.version.unpublished")
