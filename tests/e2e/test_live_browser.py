"""Live updates in real browsers: two (and a third) Chromium contexts on one idea. One person votes and comments;
the others see both appear without a reload, and the author's bell count rises while nobody else's does.

WebSockets need an ASGI server, and pytest-django's `live_server` is WSGI. So each test here starts Daphne
in a subprocess (`asgi_server`), serving `ideabank.asgi:application` with the test settings:

* The server must see the data the test made. On PostgreSQL it simply connects to the test database (the
  test is transactional, so the data is committed). SQLite test databases live in memory, invisible to
  another process, so the test database is copied into a file with SQLite's online backup API just before
  the server starts, and the server uses that file. Everything after that happens through the browser.
* No REDIS_URL: the server is one process, so the in-memory channel layer suffices, and tests running in
  parallel cannot hear each other's events through a shared Redis.
* Daphne is told to listen on port 0 and its log line names the port it got, so parallel workers never
  race for a free port. Its output is drained continuously so a full pipe can never stall it.
* The test waits for each page's socket to be open (`data-live-state="open"`, set by the scripts) before
  anyone acts, so no event can be sent before a listener is there to hear it.
"""

import os
import re
import sqlite3
import subprocess
import sys
import threading
from urllib.parse import quote

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.factories import PASSWORD, IdeaFactory, UserFactory, municipal_organisation

STARTUP_SECONDS = 60
LISTENING = re.compile(r"Listening on TCP address 127\.0\.0\.1:(\d+)")


def database_url(tmp_path):
    """A DATABASE_URL under which another process sees this test's data."""
    from django.db import connection

    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = tmp_path / "live.sqlite3"
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
        return f"sqlite:///{target}"
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="") + (":" + quote(db["PASSWORD"], safe="") if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


class AsgiServer:
    def __init__(self, tmp_path):
        self.tmp_path = tmp_path
        self.process = None
        self.output = []
        self.port = None
        self.ready = threading.Event()

    def start(self):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "ideabank.settings.test",
            "DATABASE_URL": database_url(self.tmp_path),
        }
        for name in ("REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"):
            env.pop(name, None)
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            [sys.executable, "-m", "daphne", "-e", "tcp:port=0:interface=127.0.0.1", "ideabank.asgi:application"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self._drain, daemon=True).start()
        if not self.ready.wait(STARTUP_SECONDS) or self.port is None:
            self.stop()
            raise RuntimeError("Daphne did not start:\n" + "".join(self.output))
        return f"http://127.0.0.1:{self.port}"

    def _drain(self):
        for line in self.process.stdout:
            self.output.append(line)
            found = LISTENING.search(line)
            if found and self.port is None:
                self.port = int(found.group(1))
                self.ready.set()
        self.ready.set()  # the process ended; start() reports its output

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def asgi_server(transactional_db, tmp_path):
    """Call it once the test's data exists; returns the base URL of a Daphne serving a copy of it."""
    server = AsgiServer(tmp_path)
    yield server.start
    server.stop()


@pytest.fixture
def open_page(browser):
    contexts = []

    def open_at(base_url):
        context = browser.new_context(base_url=base_url, locale="da-DK")
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_at
    for context in contexts:
        context.close()


def listening(page):
    """Wait until the page's sockets are open (the idea channel, and the bell when logged in)."""
    for element in page.locator("[data-live-url], [data-notifications-url]").all():
        expect(element).to_have_attribute("data-live-state", "open")


def test_votes_comments_and_the_bell_arrive_live(asgi_server, open_page, log_in, assert_accessible):
    anne = UserFactory(email="anne@aarhus.dk", display_name="Anne Kjær", organisation=municipal_organisation(751))
    UserFactory(email="ole@odense.dk", display_name="Ole Lund", organisation=municipal_organisation(461))
    UserFactory(email="carl@aarhus.dk", display_name="Carl Holm", organisation=municipal_organisation(751))
    idea = IdeaFactory(author=anne, title="Walk and talk med unge")
    base_url = asgi_server()

    pages = {}
    for name, email in (("anne", "anne@aarhus.dk"), ("ole", "ole@odense.dk"), ("carl", "carl@aarhus.dk")):
        page = open_page(base_url)
        log_in(page, email, PASSWORD)
        page.goto(f"/ideer/{idea.pk}/")
        listening(page)
        # Survives only as long as the page is never reloaded.
        page.evaluate("window.stillTheSamePage = true")
        pages[name] = page
    anne, ole, carl = pages["anne"], pages["ole"], pages["carl"]
    expect(anne.locator("[data-unread-count]")).to_have_text("0")

    # Ole votes: Anne and Carl see the count change.
    ole.get_by_role("button", name="Stem på idéen").click()
    expect(ole.locator("#vote-count")).to_have_text("1 stemme")
    expect(anne.locator("#vote-count")).to_have_text("1 stemme")
    expect(carl.locator("#vote-count")).to_have_text("1 stemme")

    # Ole comments (an ordinary form post on his side): the comment appears for the others in the thread.
    ole.get_by_label("Kommentar", exact=True).fill("Det vil vi prøve i Odense.")
    ole.get_by_role("button", name="Send kommentar").click()
    expect(ole.get_by_text("Din kommentar er sendt.")).to_be_visible()
    for page in (anne, carl):
        expect(page.locator(".comment-list-root .comment-depth-1")).to_contain_text("Det vil vi prøve i Odense.")
        expect(page.locator(".comment-list-root .comment-depth-1")).to_contain_text("Ole Lund")

    # Anne's bell rises, and screen readers hear why; Carl's bell does not move.
    expect(anne.locator("[data-unread-count]")).to_have_text("1")
    expect(anne.locator("[data-notifications-status]")).to_have_text(
        "Ny notifikation: Ole Lund har kommenteret din idé »Walk and talk med unge«"
    )
    expect(anne.locator("[data-unread-label]")).to_have_text(" ulæst")

    ole.get_by_label("Kommentar", exact=True).fill("Vi starter i uge 12.")
    ole.get_by_role("button", name="Send kommentar").click()
    expect(anne.locator(".comment-list-root")).to_contain_text("Vi starter i uge 12.")
    expect(anne.locator("[data-unread-count]")).to_have_text("2")
    expect(anne.locator("[data-unread-label]")).to_have_text(" ulæste")
    expect(carl.locator(".comment-list-root")).to_contain_text("Vi starter i uge 12.")
    expect(carl.locator("[data-unread-count]")).to_have_text("0")
    expect(ole.locator("[data-unread-count]")).to_have_text("0")

    for page in (anne, carl):
        assert page.evaluate("window.stillTheSamePage") is True
    assert_accessible(anne)

    # Reading them on another page brings every open bell of Anne's back to zero.
    other_tab = anne.context.new_page()
    other_tab.goto("/notifikationer/")
    other_tab.get_by_role("button", name="Markér alle som læst").click()
    expect(anne.locator("[data-unread-count]")).to_have_text("0")
