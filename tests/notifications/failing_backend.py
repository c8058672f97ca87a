"""An e-mail backend whose server is always down, to prove that a failed send marks nothing."""

from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise OSError("the mail server is down")
