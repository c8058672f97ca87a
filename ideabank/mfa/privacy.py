"""What the data export (ideabank/accounts/privacy.py) says about a user's two-factor: that it is on and
since when, never the key or the codes."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from ideabank.accounts import privacy

from . import services


@privacy.export_section("two_factor")
def two_factor_section(user):
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return {
        "enabled": device is not None,
        "set_up": privacy.when(device.created_at) if device else None,
        "last_used": privacy.when(device.last_used_at) if device else None,
        "recovery_codes_left": services.remaining_recovery_codes(user) if device else 0,
    }
