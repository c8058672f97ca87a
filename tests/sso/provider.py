"""A real OpenID Connect provider for the tests (tests/oidc_provider/server.js, npm's oidc-provider), and a
small "browser" that logs in at it over real HTTP and returns the answer meant for our callback.

Only the browser's last hop is not taken: the provider redirects to our callback URL, and the test hands
that URL to Django's test client (or Playwright follows it for real in tests/e2e).
"""

import json
import re
import shutil
import subprocess
import threading
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests

PROVIDER_DIR = Path(__file__).resolve().parent.parent / "oidc_provider"
CLIENT_ID = "idebanken-test"
CLIENT_SECRET = "test-client-secret-0123456789abcdef"  # noqa: S105 - the local test provider's only client
STARTUP_SECONDS = 30


class ProviderUnavailable(RuntimeError):
    pass


class LocalProvider:
    """Runs server.js with the given instances; ``issuers`` maps each instance's name to its issuer URL."""

    def __init__(self, providers, redirect_uris):
        node = shutil.which("node")
        if node is None:
            raise ProviderUnavailable("node is not installed (Debian: apt-get install nodejs npm)")
        if not (PROVIDER_DIR / "node_modules" / "oidc-provider").is_dir():
            raise ProviderUnavailable("run `npm ci --prefix tests/oidc_provider` (or .ci/run) first")
        config = {
            "providers": providers,
            "clients": [
                {
                    "client_id": CLIENT_ID,
                    "client_secret": CLIENT_SECRET,
                    "redirect_uris": list(redirect_uris),
                    "grant_types": ["authorization_code"],
                    "response_types": ["code"],
                    "token_endpoint_auth_method": "client_secret_basic",
                }
            ],
        }
        self.process = subprocess.Popen(  # noqa: S603 - fixed script, no shell
            [node, "server.js", json.dumps(config)],
            cwd=PROVIDER_DIR,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        first_line = []
        reader = threading.Thread(target=lambda: first_line.append(self.process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(STARTUP_SECONDS)
        if not first_line or not first_line[0].strip():
            self.stop()
            raise ProviderUnavailable(f"the test OIDC provider did not start:\n{self.process.stderr.read()[-3000:]}")
        self.issuers = json.loads(first_line[0])

    def stop(self):
        if self.process.poll() is None:
            self.process.stdin.close()  # server.js exits when its stdin closes
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


FORM_ACTION = re.compile(r'<form[^>]*action="([^"]+)"', re.I)


def log_in_at_provider(authorization_url, login, redirect_prefix):
    """Follow the authorization request at the provider as a browser would, log in as ``login`` at its login
    form, and return the URL it finally sends the browser to (our callback, starting with redirect_prefix)."""
    browser = requests.Session()
    url, method, data = authorization_url, "GET", None
    for _hop in range(12):
        response = browser.request(method, url, data=data, allow_redirects=False, timeout=10)
        if response.is_redirect:
            location = urljoin(url, response.headers["Location"])
            if location.startswith(redirect_prefix):
                return location
            url, method, data = location, "GET", None
            continue
        match = FORM_ACTION.search(response.text)
        if response.status_code != 200 or not match or 'name="login"' not in response.text:
            raise AssertionError(f"unexpected page at the provider ({response.status_code}): {response.text[:500]}")
        url = urljoin(url, unescape(match.group(1)))
        method, data = "POST", {"prompt": "login", "login": login, "password": "any"}
    raise AssertionError("the provider never sent the browser back")


def callback_path(url):
    """The path and query of a callback URL, for Django's test client."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"
