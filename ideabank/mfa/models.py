"""Recovery codes: the way back in when the phone with the authenticator app is lost.

The app itself is django-otp's TOTPDevice. Recovery codes are our own device because django-otp's
static tokens are stored in plain text; these are stored only as keyed hashes and work once.
"""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device

# Codes are lower-case letters and digits without look-alikes (no 0/o, 1/l/i): 31 symbols, 10 of them
# per code gives about 50 bits, far beyond what the throttled verification step lets anyone guess.
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RECOVERY_LENGTH = 10


def normalise_recovery_code(code):
    """What the user typed, without the dash, spaces or capitals we print for readability."""
    return "".join(ch for ch in (code or "").lower() if ch.isalnum())


def recovery_digest(code, secret=None):
    """A keyed hash: a leaked database alone is not enough to try codes offline."""
    return salted_hmac(
        "ideabank.mfa.recovery-code", normalise_recovery_code(code), secret=secret, algorithm="sha256"
    ).hexdigest()


class RecoveryDevice(Device):
    """A user's current set of single-use recovery codes (one set per user; a new set replaces it)."""

    class Meta:
        verbose_name = _("gendannelseskoder")
        verbose_name_plural = _("gendannelseskoder")

    def remaining(self):
        return self.codes.filter(used_at__isnull=True).count()

    def verify_token(self, token):
        code = normalise_recovery_code(token)
        if len(code) != RECOVERY_LENGTH:
            return False
        # SECRET_KEY_FALLBACKS keep codes issued before a key rotation working.
        secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
        digests = [recovery_digest(code, secret) for secret in secrets]
        with transaction.atomic():
            for candidate in self.codes.filter(used_at__isnull=True, digest__in=digests):
                if not any(constant_time_compare(candidate.digest, digest) for digest in digests):
                    continue
                # The conditional update is what makes a code single-use, even for two requests at once.
                if RecoveryCode.objects.filter(pk=candidate.pk, used_at__isnull=True).update(used_at=timezone.now()):
                    return True
        return False


class RecoveryCode(models.Model):
    device = models.ForeignKey(RecoveryDevice, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("gendannelseskode")
        verbose_name_plural = _("gendannelseskoder")

    def __str__(self):
        return f"{self.device} #{self.pk}"
