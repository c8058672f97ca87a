"""Password login as Django does it, but the signed-in user comes with their organisation and role (every
page's header and most rules read them), from the shared cache where there is one (signed_in.py)."""

from django.contrib.auth.backends import ModelBackend

from .signed_in import cached_user


class AccountBackend(ModelBackend):
    def get_user(self, user_id):
        user = cached_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
