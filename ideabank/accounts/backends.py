"""Password login as Django does it, but the signed-in user comes with their organisation: every page's
header and most rules read it, and loading both at once saves a query on each request."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class AccountBackend(ModelBackend):
    def get_user(self, user_id):
        User = get_user_model()
        user = User._default_manager.select_related("organisation").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
