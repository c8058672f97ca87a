"""Keeps `User.two_factor_enabled` in step with the user's confirmed authenticator apps, however a device
is added, confirmed or removed (set-up, the admin, `reset_two_factor`, account deletion)."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_otp.plugins.otp_totp.models import TOTPDevice


def sync_flag(user_id):
    enabled = TOTPDevice.objects.filter(user_id=user_id, confirmed=True).exists()
    get_user_model().objects.filter(pk=user_id).exclude(two_factor_enabled=enabled).update(two_factor_enabled=enabled)


@receiver(post_save, sender=TOTPDevice, dispatch_uid="ideabank.mfa.device_saved")
@receiver(post_delete, sender=TOTPDevice, dispatch_uid="ideabank.mfa.device_deleted")
def device_changed(sender, instance, **kwargs):
    sync_flag(instance.user_id)
