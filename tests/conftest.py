import pytest
from django.core.cache import cache

from ideabank.accounts.roles import Role
from tests.factories import PASSWORD, UserFactory, municipal_organisation


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate-limit counters and cached facets must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page_cache(settings):
    """Pages kept as in production (the test settings keep none): for visitors, and shared by colleagues."""
    settings.IDEABANK_PAGE_CACHE_SECONDS = 300


@pytest.fixture
def calls_to(monkeypatch):
    """`calls_to(owner, name)`: a list that grows by one each time `owner.name` is called (it still runs)."""

    def count(owner, name):
        calls = []
        original = getattr(owner, name)

        def counted(*args, **kwargs):
            calls.append(1)
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)
        return calls

    return count


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def aarhus():
    return municipal_organisation(751)


@pytest.fixture
def odense():
    return municipal_organisation(461)


@pytest.fixture
def staff(db, aarhus):
    return UserFactory(organisation=aarhus, role=Role.MEDARBEJDER)


@pytest.fixture
def colleague(db, aarhus):
    """Staff in the same organisation as `staff`."""
    return UserFactory(organisation=aarhus, role=Role.MEDARBEJDER)


@pytest.fixture
def outsider(db, odense):
    """Staff in another organisation."""
    return UserFactory(organisation=odense, role=Role.MEDARBEJDER, email="outsider@odense.dk")


@pytest.fixture
def moderator(db):
    return UserFactory(role=Role.MODERATOR)


@pytest.fixture
def editor(db):
    return UserFactory(role=Role.REDAKTOER)


@pytest.fixture
def administrator(db):
    return UserFactory(role=Role.ADMINISTRATOR)


@pytest.fixture
def token_for():
    """Issue a personal API token and return the Authorization header for it."""
    from wagtail.models import APIToken

    def issue(user):
        _token, key = APIToken.create_token(user=user, name="test")
        return {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    return issue


def verified_login(client, user):
    """Log ``user`` in on the test client in a session that has passed two-factor (ideabank.mfa), as the
    Wagtail admin requires for moderators and above. Gives the user an authenticator app if they have none."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture(name="verified_login")
def verified_login_fixture():
    return verified_login


@pytest.fixture(autouse=True)
def fresh_channel_layer():
    """A new channel layer for every test: channels keeps one per process, and channels_redis binds its locks to
    the event loop that first used them, while each async test runs in a loop of its own."""
    from channels.layers import channel_layers

    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()
