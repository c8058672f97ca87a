"""`make bench-live` → `python -m bench.websocket`: WebSocket fan-out of one idea's live channel.

What it measures, twice:

1. in-memory channel layer, one daphne process, N clients (default 1 000) watching one idea;
2. Redis channel layer (Redis db 5), two daphne processes, the clients split evenly between them and every
   vote sent to the first one, so half of the deliveries cross processes through Redis.

For each: a voter casts a vote over the JSON API (one new voter per round, so round k's event carries the
vote count k and is matched exactly), and every client records when the `vote.changed` event reached it.
Reported per delivery: time from the vote's HTTP response to arrival (p50/p95/max; it can be negative,
because the event leaves on commit, before the response is written), time until the last client had it,
messages lost (rounds × clients − deliveries, must be 0), and the servers' memory per connection (RSS after
connecting all clients minus RSS before, divided by the clients).

The servers run the production settings under daphne (as `make run` and the deployment outline use), on
their own database (`BENCH_LIVE_DATABASE_URL`, default the SQLite file var/bench/live.sqlite3), each on a
socket opened here with a deep accept queue. The load generator is a separate process (`load` below):
one asyncio loop with autobahn clients (autobahn comes with daphne). Timestamps are `time.perf_counter()`
within that one process, so the vote's response and the arrivals are on the same clock.

A benchmark, never a test: it prints a table and writes var/bench/live.json. Knobs: BENCH_LIVE_CLIENTS,
BENCH_LIVE_ROUNDS, BENCH_LIVE_REDIS_URL, BENCH_LIVE_DATABASE_URL.
"""

import argparse
import asyncio
import http.client
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
PYTHON = sys.executable

CLIENTS = int(os.environ.get("BENCH_LIVE_CLIENTS", "1000"))
ROUNDS = int(os.environ.get("BENCH_LIVE_ROUNDS", "20"))
REDIS_URL = os.environ.get("BENCH_LIVE_REDIS_URL", "redis://127.0.0.1:6390/5")
DATABASE_URL = os.environ.get("BENCH_LIVE_DATABASE_URL", f"sqlite:///{VAR / 'live.sqlite3'}")
ROUND_TIMEOUT = 10.0  # seconds a round waits for its last delivery before counting the rest as lost
CONNECT_CONCURRENCY = 100  # handshakes in flight at once
AUTHOR_EMAIL = "bench-live-author@idebanken.localhost"
VOTER_EMAIL = "bench-live-voter-{}@idebanken.localhost"
IDEA_TITLE = "Benchmark: live-opdateringer til mange på én gang"


def log(message):
    print(f"[bench-live] {message}", file=sys.stderr, flush=True)


def django_env(redis_url=None):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ideabank.settings.production",
        "SECRET_KEY": "bench-live-only-not-a-secret",  # noqa: S105 - a local benchmark's throwaway key
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": DATABASE_URL,
        "RATE_LIMIT_VOTE": "100000/m",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


# ---- setup, in a Django process --------------------------------------------------------------------------


def setup(rounds):
    """One published idea with no votes, and `rounds + 1` voters with fresh API tokens (one for warming up)."""
    import django

    django.setup()
    from django.db import transaction
    from wagtail.models import APIToken

    from ideabank.accounts.models import Organisation, User
    from ideabank.accounts.roles import Role, assign_role
    from ideabank.ideas import services
    from ideabank.ideas.models import Idea, Vote

    organisation = Organisation.objects.filter(municipality_id=751).first()

    def user(email, name):
        found = User.objects.filter(email=email).first()
        if found is None:
            found = User.objects.create_user(email, None, display_name=name, organisation=organisation)
            assign_role(found, Role.MEDARBEJDER)
        return found

    author = user(AUTHOR_EMAIL, "Benchmark-forfatter")
    idea = Idea.objects.filter(title=IDEA_TITLE, author=author).first()
    if idea is None:
        idea = services.create_idea(
            author,
            data={
                "title": IDEA_TITLE,
                "problem": "Mange følger den samme idé på samme tid.",
                "solution": "Stemmer og kommentarer sendes live til alle, der ser med.",
            },
        )
    with transaction.atomic():
        Vote.objects.filter(idea=idea).delete()
        services.recount(idea)
    tokens = []
    for number in range(rounds + 1):
        voter = user(VOTER_EMAIL.format(number), f"Benchmark-stemmer {number}")
        APIToken.objects.filter(user=voter).delete()
        _token, key = APIToken.create_token(user=voter, name="bench-live")
        tokens.append(key)
    idea.refresh_from_db()
    return {"idea": idea.pk, "votes": idea.vote_count, "tokens": tokens}


# ---- the servers -----------------------------------------------------------------------------------------


class Daphne:
    """One daphne process on a socket opened here (port chosen by the kernel, accept queue 4096)."""

    def __init__(self, env, name):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(4096)
        self.socket.set_inheritable(True)
        self.port = self.socket.getsockname()[1]
        self.log_path = VAR / f"live-{name}.log"
        fd = self.socket.fileno()
        with open(self.log_path, "w", encoding="utf-8") as output:
            self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
                [PYTHON, "-m", "daphne", "--fd", str(fd), "-v", "0", "ideabank.asgi:application"],
                env=env,
                cwd=ROOT,
                pass_fds=[fd],
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    @property
    def pid(self):
        return self.process.pid

    def wait_until_serving(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"daphne exited; see {self.log_path}:\n{self.log_path.read_text()[-3000:]}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                connection.request("GET", "/api/v1/openapi.json")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise SystemExit(f"daphne did not answer within {timeout} s; see {self.log_path}")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.socket.close()


# ---- the load generator, in its own process --------------------------------------------------------------


def rss_kib(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


def http_vote(port, idea, token, method="POST"):
    """Cast (or withdraw) a vote; returns (request start, response end) on the perf_counter clock."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    started = time.perf_counter()
    connection.request(method, f"/api/v1/ideas/{idea}/vote", headers={"Authorization": f"Bearer {token}"})
    response = connection.getresponse()
    body = response.read()
    answered = time.perf_counter()
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"vote {method} answered {response.status}: {body[:300]!r}")
    return started, answered


def percentile(values, share):
    ordered = sorted(values)
    if not ordered:
        return None
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def summary_ms(values):
    if not values:
        return {"p50": None, "p95": None, "max": None}
    return {
        "p50": round(statistics.median(values) * 1000, 2),
        "p95": round(percentile(values, 0.95) * 1000, 2),
        "max": round(max(values) * 1000, 2),
    }


async def load(config):
    from autobahn.asyncio.websocket import WebSocketClientFactory, WebSocketClientProtocol

    loop = asyncio.get_running_loop()
    idea = config["idea"]
    ports = config["ports"]
    clients_wanted = config["clients"]
    state = {"expected": None, "received": 0, "done": asyncio.Event()}

    class Client(WebSocketClientProtocol):
        def __init__(self):
            super().__init__()
            self.opened = loop.create_future()
            self.arrivals = {}
            self.closed = False

        def onOpen(self):  # noqa: N802 - autobahn's name
            if not self.opened.done():
                self.opened.set_result(True)

        def onMessage(self, payload, is_binary):  # noqa: N802 - autobahn's name
            arrived = time.perf_counter()
            event = json.loads(payload)
            if event.get("type") != "vote.changed":
                return
            votes = event["votes"]
            self.arrivals[votes] = arrived
            if votes == state["expected"]:
                state["received"] += 1
                if state["received"] == clients_wanted:
                    state["done"].set()

        def onClose(self, was_clean, code, reason):  # noqa: N802 - autobahn's name
            self.closed = True
            if not self.opened.done():
                self.opened.set_exception(ConnectionError(f"closed during handshake: {code} {reason}"))

    factories = {}
    for port in ports:
        factory = WebSocketClientFactory(f"ws://127.0.0.1:{port}/ws/ideas/{idea}/", origin=f"http://127.0.0.1:{port}")
        factory.protocol = Client
        factories[port] = factory

    async def open_client(port, gate):
        async with gate:
            _transport, client = await loop.create_connection(factories[port], "127.0.0.1", port)
            await asyncio.wait_for(client.opened, 30)
            return client

    def rss():
        return {pid: rss_kib(pid) for pid in config["pids"]}

    # Warm up: the vote path once (imports, caches, first queries) and a few sockets, then the baseline.
    tokens = config["tokens"]
    await loop.run_in_executor(None, http_vote, ports[0], idea, tokens[0])
    await loop.run_in_executor(None, http_vote, ports[0], idea, tokens[0], "DELETE")
    gate = asyncio.Semaphore(CONNECT_CONCURRENCY)
    warm = await asyncio.gather(*(open_client(ports[n % len(ports)], gate) for n in range(10 * len(ports))))
    for client in warm:
        client.sendClose()
    await asyncio.sleep(2)
    before = rss()

    started = time.perf_counter()
    clients = await asyncio.gather(*(open_client(ports[n % len(ports)], gate) for n in range(clients_wanted)))
    connect_seconds = time.perf_counter() - started
    await asyncio.sleep(2)  # let the servers settle (group joins, buffers) before reading memory
    after = rss()

    latencies, from_request, to_all, responses, lost = [], [], [], [], 0
    for number in range(1, config["rounds"] + 1):
        expected = config["votes"] + number
        state.update(expected=expected, received=0)
        state["done"].clear()
        request_started, answered = await loop.run_in_executor(None, http_vote, ports[0], idea, tokens[number])
        responses.append(answered - request_started)
        try:
            await asyncio.wait_for(state["done"].wait(), ROUND_TIMEOUT)
        except TimeoutError:
            pass
        arrivals = [client.arrivals[expected] for client in clients if expected in client.arrivals]
        lost += clients_wanted - len(arrivals)
        latencies += [arrival - answered for arrival in arrivals]
        from_request += [arrival - request_started for arrival in arrivals]
        if arrivals:
            to_all.append(max(arrivals) - answered)
        await asyncio.sleep(0.2)

    dropped = sum(1 for client in clients if client.closed)
    for client in clients:
        client.sendClose()
    await asyncio.sleep(0.5)
    delta_kib = sum(after.values()) - sum(before.values())
    return {
        "processes": len(ports),
        "clients": clients_wanted,
        "rounds": config["rounds"],
        "connect_seconds": round(connect_seconds, 2),
        "latency_from_response_ms": summary_ms(latencies),
        "latency_from_request_ms": summary_ms(from_request),
        "last_client_from_response_ms": summary_ms(to_all),
        "vote_response_ms": summary_ms(responses),
        "delivered": len(latencies),
        "lost": lost,
        "connections_dropped": dropped,
        "rss_before_mib": {str(pid): round(kib / 1024, 1) for pid, kib in before.items()},
        "rss_after_mib": {str(pid): round(kib / 1024, 1) for pid, kib in after.items()},
        "rss_per_connection_kib": round(delta_kib / clients_wanted, 1) if clients_wanted else None,
    }


# ---- orchestration ---------------------------------------------------------------------------------------


def run_step(args, env):
    result = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [PYTHON, *args], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return result.stdout


def redis_available(url):
    try:
        import redis

        client = redis.Redis.from_url(url, socket_connect_timeout=2)
        client.ping()
        client.flushdb()  # db 5 belongs to this benchmark: stale channel-layer keys would skew it
        return True
    except Exception as error:  # noqa: BLE001 - any failure means: skip the Redis scenario and say why
        log(f"Redis at {url} is not available ({error}); start it with `scripts/ci_services.sh start`")
        return False


def scenario(name, processes, redis_url):
    env = django_env(redis_url)
    log(f"{name}: preparing the idea and {ROUNDS + 1} voters")
    prepared = json.loads(run_step(["-m", "bench.websocket", "setup"], env).strip().splitlines()[-1])
    servers = [Daphne(env, f"{processes}p-{number}") for number in range(processes)]
    try:
        for server in servers:
            server.wait_until_serving()
        log(f"{name}: {CLIENTS} clients on {processes} daphne process(es), {ROUNDS} votes")
        config = {
            **prepared,
            "ports": [server.port for server in servers],
            "pids": [server.pid for server in servers],
            "clients": CLIENTS,
            "rounds": ROUNDS,
        }
        output = run_step(["-m", "bench.websocket", "load", json.dumps(config)], django_env())
        result = json.loads(output.strip().splitlines()[-1])
    finally:
        for server in servers:
            server.stop()
    # Other work on the machine inflates every figure; the load average says how busy it was.
    load_average = [round(value, 2) for value in os.getloadavg()]
    return {
        "name": name,
        "channel_layer": "redis" if redis_url else "in-memory",
        "load_average": load_average,
        **result,
    }


def table(results):
    def ms(summary):
        return f"{summary['p50']:>7} {summary['p95']:>7} {summary['max']:>7}"

    header = (
        f"{'scenario':<34} {'clients':>7} | {'from vote response, ms':^23} | {'from vote request, ms':^23} "
        f"| {'vote ms':>7} {'lost':>5} {'KiB/conn':>8}"
    )
    sub = f"{'':<34} {'':>7} | {'p50':>7} {'p95':>7} {'max':>7} | {'p50':>7} {'p95':>7} {'max':>7} | {'p50':>7}"
    lines = [header, sub, "-" * len(header)]
    for result in results:
        lines.append(
            f"{result['name']:<34} {result['clients']:>7} | {ms(result['latency_from_response_ms'])} | "
            f"{ms(result['latency_from_request_ms'])} | {result['vote_response_ms']['p50']:>7} {result['lost']:>5} "
            f"{result['rss_per_connection_kib']:>8}"
        )
    lines.append(
        "Per delivery (clients × votes). Negative: the event left on commit and reached the client before the "
        "voter had the HTTP response."
    )
    loads = ", ".join(f"{result['name']}: {result['load_average'][0]}" for result in results)
    lines.append(f"Load average (1 min) after each scenario: {loads} on {os.cpu_count()} CPUs.")
    return "\n".join(lines)


def main():
    VAR.mkdir(parents=True, exist_ok=True)
    log(f"migrating the benchmark database ({DATABASE_URL})")
    run_step(["manage.py", "migrate", "--noinput", "-v", "0"], django_env())
    results = [scenario("in-memory layer, 1 daphne process", 1, None)]
    if redis_available(REDIS_URL):
        results.append(scenario("Redis layer, 2 daphne processes", 2, REDIS_URL))
    report = {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "database": DATABASE_URL,
        "redis": REDIS_URL,
        "scenarios": results,
    }
    output = VAR / "live.json"
    output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(f"written to {output.relative_to(ROOT)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", nargs="?", default="run", choices=["run", "setup", "load"])
    parser.add_argument("config", nargs="?", help="for `load`: the JSON the orchestrator passes")
    arguments = parser.parse_args()
    if arguments.step == "setup":
        print(json.dumps(setup(ROUNDS)))
    elif arguments.step == "load":
        print(json.dumps(asyncio.run(load(json.loads(arguments.config)))))
    else:
        main()
