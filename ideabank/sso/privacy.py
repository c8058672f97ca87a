"""What the data export (ideabank/accounts/privacy.py) says about a user's single sign-on links."""

from ideabank.accounts import privacy

from .models import SsoIdentity


@privacy.export_section("single_sign_on")
def single_sign_on_section(user):
    identities = SsoIdentity.objects.filter(user=user).select_related("provider__organisation").order_by("created")
    return [
        {
            "organisation": identity.provider.organisation.name,
            "issuer": identity.provider.issuer,
            "subject": identity.subject,
            "linked": privacy.when(identity.created),
            "last_login": privacy.when(identity.last_login),
        }
        for identity in identities
    ]
