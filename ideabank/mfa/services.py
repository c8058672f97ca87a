"""Two-factor rules: who needs it, enrolment, checking a code, recovery codes and switching it off.

A code is either six digits from the authenticator app (TOTP, RFC 6238) or a recovery code. Wrong codes
are throttled twice over: django-otp makes the app wait a little longer after each miss (kept in the
database, so it holds across processes), and a per-user cap in the cache refuses further tries for a while.
"""

import base64
import secrets
from binascii import unhexlify

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_ratelimit.core import get_usage

from ideabank.accounts.roles import Role, has_role

from .models import RECOVERY_ALPHABET, RECOVERY_LENGTH, RecoveryCode, RecoveryDevice, recovery_digest

RECOVERY_CODE_COUNT = 10
RATE_GROUP = "ideabank.mfa"


class TooManyAttempts(Exception):
    """Too many wrong codes: the user must wait before trying again."""


def wrong_code_message():
    return _("Koden er forkert. Tjek, at du bruger den nyeste kode fra din godkendelsesapp, og prøv igen.")


# ---- who -------------------------------------------------------------------------------------


def is_required(user):
    """Moderators, editors and administrators must use two-factor before they reach the admin."""
    return has_role(user, Role.MODERATOR)


def totp_device(user):
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def is_enabled(user):
    return user.is_authenticated and TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_device(user):
    return RecoveryDevice.objects.filter(user=user, confirmed=True).first()


def remaining_recovery_codes(user):
    device = recovery_device(user)
    return device.remaining() if device else 0


# ---- enrolment -------------------------------------------------------------------------------


def enrolment_device(user):
    """The not yet confirmed app the user is setting up; the same one until confirmed, so a reload keeps the QR."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Godkendelsesapp"), confirmed=False)
    return device


def manual_key(device):
    """The secret as the base32 text authenticator apps accept, in groups of four for reading aloud."""
    key = base64.b32encode(unhexlify(device.key)).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def confirm_enrolment(request, user, device, code):
    """Switch two-factor on once the app has produced a right code. Returns the new recovery codes."""
    if device.user_id != user.pk or device.confirmed:
        raise ValidationError(_("Opsætningen er udløbet. Start forfra."))
    if not check_device(request, user, device, normalise_digits(code)):
        raise ValidationError(wrong_code_message())
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return replace_recovery_codes(user)


def replace_recovery_codes(user):
    """A fresh set of recovery codes; the old set stops working. Only the hashes are kept."""
    codes = [
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH)) for _ in range(RECOVERY_CODE_COUNT)
    ]
    with transaction.atomic():
        RecoveryDevice.objects.filter(user=user).delete()
        device = RecoveryDevice.objects.create(user=user, name=_("Gendannelseskoder"), confirmed=True)
        RecoveryCode.objects.bulk_create(RecoveryCode(device=device, digest=recovery_digest(code)) for code in codes)
    return [f"{code[:5]}-{code[5:]}" for code in codes]


def disable(request, user, code):
    """Switch two-factor off; a right code (from the app or a recovery code) proves it is really the user."""
    if verify(request, user, code) is None:
        raise ValidationError(wrong_code_message())
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        RecoveryDevice.objects.filter(user=user).delete()


# ---- checking a code -------------------------------------------------------------------------


def normalise_digits(code):
    return "".join((code or "").split())


def looks_like_app_code(code):
    return code.isdigit() and len(code) in (6, 8)


def verify(request, user, code):
    """The device that accepts ``code`` for ``user``, or None. Raises TooManyAttempts when throttled."""
    code = normalise_digits(code).replace("-", "")
    if looks_like_app_code(code):
        device = totp_device(user)
        return device if device and check_device(request, user, device, code) else None
    check_attempts_left(request, user)
    device = recovery_device(user)
    if device is not None and device.verify_token(code):
        return device
    count_failure(request, user)
    return None


def check_device(request, user, device, code):
    """Verify a TOTP code against one device, honouring both throttles; counts a miss."""
    check_attempts_left(request, user)
    with transaction.atomic():
        locked = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, details = locked.verify_is_allowed()
        if not allowed:
            raise TooManyAttempts(wait_message(details["locked_until"]))
        if locked.verify_token(code):
            device.refresh_from_db()
            return True
    count_failure(request, user)
    return False


def wait_message(until=None):
    if until is None:
        return _("For mange forkerte koder. Vent et kvarter, og prøv igen.")
    seconds = max(1, int((until - timezone.now()).total_seconds()) + 1)
    return ngettext(
        "For mange forkerte koder. Vent %(seconds)d sekund, og prøv igen.",
        "For mange forkerte koder. Vent %(seconds)d sekunder, og prøv igen.",
        seconds,
    ) % {"seconds": seconds}


def _usage(request, user, increment):
    return get_usage(
        request,
        group=RATE_GROUP,
        key=lambda group, request: str(user.pk),
        rate=settings.IDEABANK_RATE_LIMITS["mfa"],
        increment=increment,
    )


def check_attempts_left(request, user):
    usage = _usage(request, user, increment=False)
    if usage is not None and usage["count"] >= usage["limit"]:
        raise TooManyAttempts(wait_message())


def count_failure(request, user):
    _usage(request, user, increment=True)
