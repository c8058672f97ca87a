"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server."""

import json
import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in this thread; the ORM calls in tests are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # serialized_rollback keeps post_migrate from refilling tables after the flush; restore_reference_data
            # below does the actual restoring.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(scope="session")
def reference_data(django_db_setup, django_db_blocker):
    """The migrated database (municipalities, groups, home page) as a string, taken before the browser starts.

    Transactional tests empty the database after each test. Django's serialized_rollback would restore it, but
    Playwright's event loop gives the test a different connection object than the one that was serialized.
    """
    from django.db import connection

    with django_db_blocker.unblock():
        # Prefer Django's copy from right after migrate: other transactional tests may have emptied the tables.
        return getattr(connection, "_test_serialized_contents", None) or connection.creation.serialize_db_to_string()


def restore(reference_data):
    """Load the reference data into an emptied database.

    Building Wagtail pages looks up their content type; a cold cache would insert content-type rows ahead of
    the serialised ones (which then clash), so the cache is primed from the data itself first.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection

    if ContentType.objects.exists():
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    ContentType.objects.clear_cache()
    for row in json.loads(reference_data):
        if row["model"] == "contenttypes.contenttype":
            ContentType.objects._add_to_cache(connection.alias, ContentType(pk=row["pk"], **row["fields"]))
    connection.creation.deserialize_db_from_string(reference_data)


@pytest.fixture(autouse=True)
def restore_reference_data(reference_data, transactional_db):
    from django.db import connection

    from ideabank.taxonomy.models import Municipality

    # With the contents on this connection, the flush after the test leaves the tables empty (no post_migrate).
    connection._test_serialized_contents = reference_data
    if not Municipality.objects.exists():
        restore(reference_data)
    yield
    # Django restores the data before the next test; with the content types cached (same ids as the
    # reference data) building its Wagtail pages inserts nothing that could clash.
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.get_for_models(*apps.get_models())


# Per module, not per session: Playwright's sync API keeps an event loop running while it is open, and
# async tests (Channels consumers) in the same worker cannot start theirs until it has stopped.
@pytest.fixture(scope="module")
def browser(reference_data):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """Open a fresh browser context (its own cookies) on the live server; call once per person."""
    contexts = []

    def open_page(locale="da-DK"):
        context = browser.new_context(base_url=live_server.url, locale=locale)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def assert_accessible():
    axe = Axe()

    def check(page):
        results = axe.run(page, options=WCAG_AA)
        violations = results.response["violations"]
        report = "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in violations
        )
        assert not violations, f"{page.url} has accessibility violations:\n{report}"

    return check


@pytest.fixture
def log_in():
    def do(page, email, password):
        page.goto("/konto/log-ind/")
        page.get_by_label("E-mail").fill(email)
        page.get_by_label("Adgangskode").fill(password)
        page.get_by_role("button", name="Log ind").click()
        page.wait_for_load_state()

    return do
