from django import template

from ideabank.sso.models import IdentityProvider

register = template.Library()


@register.simple_tag
def sso_available():
    """Whether any organisation offers single sign-on (the login page shows the way there only then)."""
    return IdentityProvider.objects.filter(enabled=True).exists()
