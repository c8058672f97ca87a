from django import template

from ideabank.mfa import services

register = template.Library()


@register.simple_tag
def mfa_status(user):
    """What the profile page says about two-factor, without the profile view knowing about it."""
    enabled = services.is_enabled(user)
    return {
        "enabled": enabled,
        "required": services.is_required(user),
        "remaining": services.remaining_recovery_codes(user) if enabled else 0,
    }
