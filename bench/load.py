"""The load generator: a process of its own (never the server's), asyncio + aiohttp.

`python -m bench.load PLAN.json RESULT.json` reads a plan (base URL, targets, timing, voter and staff
logins, staff API tokens), logs the voters and staff in through the login form, then for each target
runs `concurrency` workers that send requests back to back over keep-alive connections: first `warmup`
seconds whose answers are thrown away, then `duration` seconds that are measured. Every request carries
`X-Forwarded-Proto: https`, as the TLS-terminating proxy in front of production sets it, so the
production settings need no change to serve plain http on loopback.

A request counts as an error when the answer is not the expected status (or the connection fails), and
it began within the measured time (even when it ends after it).
A target with `auth` (the logged-in pass) gives each worker its own staff member: their session cookie
on pages, their bearer token on the API.
"""

import asyncio
import itertools
import json
import re
import statistics
import sys
import time
import uuid

import aiohttp

from .proc import cpu_seconds, peak_rss_mb

PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def percentile(sorted_values, fraction):
    if not sorted_values:
        return None
    index = min(len(sorted_values) - 1, max(0, round(fraction * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


def cookie_header(cookies):
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def cookies_from(response, cookies):
    # Secure cookies over plain http: taken by hand, since a client jar would (rightly) not send them back.
    for name, morsel in response.cookies.items():
        cookies[name] = morsel.value
    return cookies


async def log_in(session, base, email, password):
    """A real login through the login form; returns the session's cookies (session id and CSRF token)."""
    url = f"{base}/konto/log-ind/"
    async with session.get(url, headers=PROXY_HEADERS) as response:
        page = await response.text()
        cookies = cookies_from(response, {})
    token = CSRF_INPUT.search(page).group(1)
    headers = {**PROXY_HEADERS, "Cookie": cookie_header(cookies), "Referer": f"https://{base.split('://')[1]}/"}
    form = {"csrfmiddlewaretoken": token, "username": email, "password": password}
    async with session.post(url, data=form, headers=headers, allow_redirects=False) as response:
        await response.read()
        if response.status != 302:
            raise RuntimeError(f"login of {email} answered {response.status}")
        cookies_from(response, cookies)
    return cookies


class Requests:
    """The requests of one target, handed out round-robin to its workers."""

    def __init__(self, target, base, voters, staff=None):
        self.target = target
        self.base = base
        self.paths = itertools.cycle(target.get("paths") or [None])
        self.voters = voters
        self.staff = staff or []
        if target["kind"] == "vote":
            # Each worker owns its own voters and ideas, so no two requests ever race on one (user, idea):
            # cast, then withdraw, leaves the data as it was.
            self.pairs = {}

    def get(self, worker):
        path = next(self.paths)
        headers = dict(PROXY_HEADERS)
        if auth := self.target.get("auth"):
            # Each worker is its own staff member, so per-user limits see several users, not one.
            member = self.staff[worker % len(self.staff)]
            if auth == "token":
                headers["Authorization"] = f"Bearer {member['token']}"
            else:
                headers["Cookie"] = cookie_header(member["cookies"])
        return "GET", f"{self.base}{path}", headers, None, 200

    def vote(self, worker, state):
        """(method, url, headers, form, expected) of the next vote request of this worker."""
        voter, idea, cast = state.next()
        cookies = self.voters[voter]
        origin = "https://" + self.base.split("://")[1]
        headers = {
            **PROXY_HEADERS,
            "Cookie": cookie_header(cookies),
            "Origin": origin,
            "Accept": "application/json",
            "X-CSRFToken": cookies["csrftoken"],
        }
        # What the idea page's vote button sends (static/js/ideas.js): the API, with the page's session.
        return "POST" if cast else "DELETE", f"{self.base}/api/v1/ideas/{idea}/vote", headers, None, 200

    def encounter(self, worker, state, adoptions):
        """(method, url, headers, form, expected) of the next encounter: a new uuid each time, so 201."""
        voter = state.next_voter()
        cookies = self.voters[voter]
        origin = "https://" + self.base.split("://")[1]
        headers = {
            **PROXY_HEADERS,
            "Cookie": cookie_header(cookies),
            "Origin": origin,
            "Content-Type": "application/json",
            "Accept": "application/json",
            "X-CSRFToken": cookies["csrftoken"],
        }
        body = json.dumps({"answer": state.next_answer(), "uuid": str(uuid.uuid4())})
        return "POST", f"{self.base}/api/v1/adoptions/{adoptions[voter]}/encounters", headers, body, 201


class EncounterState:
    """A worker's walk over its own staff (each registers at an adoption of their own organisation)."""

    ANSWERS = ("helped", "helped", "partly", "not_helped", "declined")

    def __init__(self, worker, workers, voters):
        self.voters = voters[worker::workers]
        self.step = 0

    def next_voter(self):
        self.step += 1
        return self.voters[self.step % len(self.voters)]

    def next_answer(self):
        return self.ANSWERS[self.step % len(self.ANSWERS)]


class VoteState:
    """A worker's walk over its voters × ideas: vote, withdraw, next idea, next voter."""

    def __init__(self, worker, workers, voters, ideas):
        self.voters = voters[worker::workers]
        self.ideas = ideas[worker::workers]
        self.step = 0

    def next(self):
        pair, cast = divmod(self.step, 2)
        self.step += 1
        voter = self.voters[pair % len(self.voters)]
        idea = self.ideas[(pair // len(self.voters) + pair) % len(self.ideas)]
        return voter, idea, cast == 0


async def run_target(session, target, plan, voters, staff):
    requests = Requests(target, plan["base_url"], voters, staff)
    concurrency = plan["concurrency"]
    warmup, duration = target.get("warmup", plan["warmup"]), target.get("duration", plan["duration"])
    started = time.monotonic()
    measure_from = started + warmup
    stop_at = measure_from + duration
    latencies, errors, samples = [], 0, []

    async def worker(number):
        nonlocal errors
        state = None
        adoptions = plan.get("encounter_adoptions", {})
        if target["kind"] == "vote":
            state = VoteState(number, concurrency, sorted(voters), plan["vote_ideas"])
        elif target["kind"] == "encounter":
            state = EncounterState(number, concurrency, sorted(email for email in voters if email in adoptions))
        while True:
            now = time.monotonic()
            if now >= stop_at:
                return
            if state is None:
                method, url, headers, form, expected = requests.get(number)
            elif target["kind"] == "encounter":
                method, url, headers, form, expected = requests.encounter(number, state, adoptions)
            else:
                method, url, headers, form, expected = requests.vote(number, state)
            began = time.monotonic()
            try:
                async with session.request(method, url, headers=headers, data=form, allow_redirects=False) as answer:
                    await answer.read()
                    ok = answer.status == expected
                    if not ok and len(samples) < 5:
                        samples.append(f"{answer.status} {method} {url}")
            except (TimeoutError, aiohttp.ClientError) as error:
                ok = False
                if len(samples) < 5:
                    samples.append(f"{type(error).__name__} {method} {url}")
            ended = time.monotonic()
            if began >= measure_from and ended <= stop_at:
                latencies.append(ended - began)
            # An answer that ends after the window still counts when it is an error: a slow failure is one.
            if began >= measure_from and not ok:
                errors += 1

    cpu = {}

    async def meter():
        # The server's CPU time per measured request: unlike throughput, it hardly moves with other load.
        await asyncio.sleep(max(0, measure_from - time.monotonic()))
        cpu["start"] = cpu_seconds(plan.get("server_pids", []))
        await asyncio.sleep(max(0, stop_at - time.monotonic()))
        cpu["end"] = cpu_seconds(plan.get("server_pids", []))

    await asyncio.gather(meter(), *(worker(n) for n in range(concurrency)))
    latencies.sort()
    count = len(latencies)
    return {
        "rps": round(count / duration, 1),
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 1) if count else None,
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1) if count else None,
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 1) if count else None,
        "errors": errors,
        "requests": count,
        "mean_ms": round(statistics.fmean(latencies) * 1000, 1) if count else None,
        "error_samples": samples,
        # VmHWM only grows: where it jumps between targets, the target that made it.
        "server_peak_rss_mb": peak_rss_mb(plan.get("server_pids", [])),
        "server_cpu_ms": (
            round((cpu["end"] - cpu["start"]) / count * 1000, 2)
            if count and cpu.get("start") is not None and cpu.get("end") is not None
            else None
        ),
    }


async def log_in_all(session, plan, emails):
    """{email: session cookies} of `emails`, logged in two at a time."""
    logins = asyncio.Semaphore(2)  # hashing a password takes a whole server process
    cookies = {}

    async def one(email):
        async with logins:
            cookies[email] = await log_in(session, plan["base_url"], email, plan["password"])

    await asyncio.gather(*(one(email) for email in emails))
    return cookies


async def check_signed_in(session, plan, staff):
    """Each staff member's session and token are accepted (GET /api/v1/me answers 200 only when signed in):
    a refused one would measure anonymous requests under the logged-in name."""
    kinds = {t.get("auth") for t in plan["targets"]}
    for member in staff:
        credentials = []
        if "session" in kinds:
            credentials.append({"Cookie": cookie_header(member["cookies"])})
        if "token" in kinds:
            credentials.append({"Authorization": f"Bearer {member['token']}"})
        for headers in credentials:
            url = f"{plan['base_url']}/api/v1/me"
            async with session.get(url, headers={**PROXY_HEADERS, **headers}) as response:
                await response.read()
                if response.status != 200:
                    raise RuntimeError(f"{url} with {next(iter(headers))} answered {response.status}: not signed in")


async def main(plan_path, result_path):
    with open(plan_path, encoding="utf-8") as handle:
        plan = json.load(handle)
    timeout = aiohttp.ClientTimeout(total=30)
    connector = aiohttp.TCPConnector(limit=plan["concurrency"] * 2, force_close=False)
    results = {}
    async with aiohttp.ClientSession(
        connector=connector, timeout=timeout, cookie_jar=aiohttp.DummyCookieJar()
    ) as session:
        voters = {}
        if any(t["kind"] in ("vote", "encounter") for t in plan["targets"]):
            voters = await log_in_all(session, plan, plan["voters"])
            print(f"[load] {len(voters)} voters logged in", flush=True)
        sessions = {}
        if any(t.get("auth") == "session" for t in plan["targets"]):
            sessions = await log_in_all(session, plan, plan["staff"])
            print(f"[load] {len(sessions)} staff logged in", flush=True)
        tokens = plan.get("tokens", {})
        staff = [{"cookies": sessions.get(email, {}), "token": tokens.get(email)} for email in plan.get("staff", [])]
        await check_signed_in(session, plan, staff)
        for target in plan["targets"]:
            results[target["name"]] = await run_target(session, target, plan, voters, staff)
            row = results[target["name"]]
            print(
                f"[load] {target['name']:<12} {row['rps']:>8} rps  p50 {row['p50_ms']} ms  p95 {row['p95_ms']} ms  "
                f"errors {row['errors']}",
                flush=True,
            )
    with open(result_path, "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=2)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
