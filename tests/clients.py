"""Test clients of their own, for tests where several users look at the same page one after the other."""

from django.test import Client


def signed_in(user):
    """A client of its own, logged in as `user`."""
    client = Client()
    client.force_login(user)
    return client
