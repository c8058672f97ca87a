"""A visitor of the running site through nginx over https:// and wss://, as a browser would be one."""

import asyncio
import json
import re
import secrets
import ssl
import time

import requests

from .stack import BASE_URL, PASSWORD, USERS, log

ACTION_TIMEOUT = 65  # the action: a vote through Visitor, two requests (form, post) of at most 30 s each
FORM_FIELDS = {"context": "Prøvet i en afdeling i Aarhus.", "results": "Færre aflyste møder.", "action": "publish"}


def step(message, url):
    log(f"{message}: {url}")


class Visitor:
    def __init__(self, stack):
        self.stack = stack
        self.http = requests.Session()
        self.http.verify = stack.ca_file
        self.http.trust_env = False  # no proxy from the environment, and REQUESTS_CA_BUNDLE must not replace verify
        # Django checks the Origin of HTTPS posts against the host: a browser always sends it.
        self.http.headers.update({"Origin": BASE_URL, "Referer": f"{BASE_URL}/"})
        self.email = None

    def url(self, path):
        return BASE_URL + path

    def get(self, path, timeout=30, **kwargs):
        return self.http.get(
            self.url(path), timeout=timeout, allow_redirects=kwargs.pop("allow_redirects", True), **kwargs
        )

    def csrf(self, path):
        page = self.get(path)
        page.raise_for_status()
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)

    def post(self, path, data, form_path=None, **kwargs):
        token = self.csrf(form_path or path)
        return self.http.post(
            self.url(path), data={"csrfmiddlewaretoken": token, **data}, timeout=30, allow_redirects=False, **kwargs
        )

    def login(self, who):
        self.email = USERS[who][0]
        response = self.post("/konto/log-ind/", {"username": self.email, "password": PASSWORD})
        assert response.status_code == 302, f"login as {self.email}: {response.status_code}"
        self.login_response = response
        return self

    def new_idea(self, title=None):
        """Post an idea through the form; returns (id, title)."""
        title = title or f"Prodcheck {secrets.token_hex(4)} morgenmøder med borgerne"
        data = {
            "title": title,
            "problem": "Borgere kommer ikke til møderne om morgenen, og tiden går til spilde.",
            "solution": "Vi flytter møderne til eftermiddagen og sender en sms dagen før.",
            **FORM_FIELDS,
        }
        response = self.post("/ideer/ny/", data)
        assert response.status_code == 302, f"posting an idea: {response.status_code}\n{response.text[:2000]}"
        idea_id = int(re.search(r"/ideer/(\d+)/", response.headers["Location"]).group(1))
        return idea_id, title

    def edit_idea(self, idea_id, title):
        data = {
            "title": title,
            "problem": "Borgere kommer ikke til møderne om morgenen, og tiden går til spilde.",
            "solution": "Vi flytter møderne til eftermiddagen og sender en sms dagen før.",
            **FORM_FIELDS,
        }
        return self.post(f"/ideer/{idea_id}/ret/", data)

    def vote(self, idea_id):
        return self.post(f"/ideer/{idea_id}/stem/", {"action": "vote"}, form_path=f"/ideer/{idea_id}/")

    def comment(self, idea_id, body):
        return self.post(f"/ideer/{idea_id}/kommentarer/", {"body": body}, form_path=f"/ideer/{idea_id}/")

    def search(self, query):
        return self.get(f"/soeg/?q={requests.utils.quote(query)}")

    # ---- live updates ---------------------------------------------------------------------------------

    def ssl_context(self):
        return ssl.create_default_context(cafile=self.stack.ca_file)

    def watch_votes(self, idea_id, action, timeout=15):
        """Open wss:// on the idea's live channel, run `action()` (in a thread), return the vote event seen."""
        import aiohttp

        async def watch():
            url = f"wss://127.0.0.1:{BASE_URL.rsplit(':', 1)[1]}/ws/ideas/{idea_id}/"
            cookies = {cookie.name: cookie.value for cookie in self.http.cookies}
            session_timeout = aiohttp.ClientTimeout(total=None, connect=10)
            socket_timeout = aiohttp.ClientWSTimeout(ws_receive=None, ws_close=10)
            async with aiohttp.ClientSession(cookies=cookies, timeout=session_timeout) as session:
                async with session.ws_connect(
                    url, ssl=self.ssl_context(), origin=BASE_URL, timeout=socket_timeout
                ) as socket:
                    step("WebSocket open", url)
                    result = asyncio.get_running_loop().run_in_executor(None, action)
                    deadline = time.monotonic() + timeout
                    while time.monotonic() < deadline:
                        message = await socket.receive(timeout=deadline - time.monotonic())
                        if message.type != aiohttp.WSMsgType.TEXT:
                            raise AssertionError(f"socket closed: {message}")
                        event = json.loads(message.data)
                        if event.get("type") == "vote.changed":
                            await asyncio.wait_for(result, timeout=ACTION_TIMEOUT)
                            return event
                    raise AssertionError("no vote event")

        # Bounded as a whole: the handshake, the events and the action's own request.
        return asyncio.run(asyncio.wait_for(watch(), timeout=timeout + ACTION_TIMEOUT + 20))
