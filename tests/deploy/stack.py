"""The production layout on loopback, started from the files in deploy/ (what `make prod-check` runs).

nginx (deploy/nginx/idebanken.conf, TLS with a certificate made for this run), two ASGI workers and the
task worker (their systemd units' ExecStart lines and deploy/ideabank.env.example), PostgreSQL, Redis
and a two-node Elasticsearch cluster, each on its own port so it never meets the servers CI and the lead
use (PostgreSQL 5432, Redis 6390, Elasticsearch 9201). Everything lives under var/prod-check/ and is
stopped by `Stack.stop()`, which the tests' session fixture calls even when a test fails.

Like systemd (Restart=always), a supervisor thread restarts a worker that dies.
"""

import os
import re
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DEPLOY = ROOT / "deploy"
VAR = ROOT / "var" / "prod-check"
BIN = Path(sys.executable).parent

HTTPS_PORT = 8443
ASGI_PORTS = (8101, 8102)
POSTGRES_PORT = 5442
REDIS_PORT = 6392
ES_NODES = {"es-1": (9211, 9311), "es-2": (9212, 9312)}
ES_VERSION = os.environ.get("ES_VERSION", "8.19.21")
# Small heaps, and only the quick JIT tier: a node boots with a fraction of the CPU (two nodes boot at once beside
# the migrations on two cores); the check's few hundred documents never need the optimising compiler.
ES_JAVA_OPTS = "-Xms256m -Xmx256m -XX:TieredStopAtLevel=1 -XX:ParallelGCThreads=1 -XX:ConcGCThreads=1"
ES_CLI_JAVA_OPTS = "-XX:TieredStopAtLevel=1"
BASE_URL = f"https://127.0.0.1:{HTTPS_PORT}"
PASSWORD = "Prodcheck-" + "kodeord-2025"  # noqa: S105 - throwaway accounts in a throwaway database
USERS = {"author": ("forfatter@prodcheck.dk", "751"), "voter": ("kollega@prodcheck.dk", "461")}


def log(message):
    print(f"[prod-check {time.strftime('%H:%M:%S')}] {message}", flush=True)


def as_user(name):
    """Run as this unprivileged user when we are root (PostgreSQL and Elasticsearch refuse root)."""
    if os.getuid() != 0:
        return []
    if subprocess.run(["id", "-u", name], capture_output=True, check=False).returncode != 0:  # noqa: S603, S607
        subprocess.run(  # noqa: S603
            ["useradd", "--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", name],  # noqa: S607
            check=True,
        )
    return ["runuser", "-u", name, "--"]


def own(path, user):
    if os.getuid() == 0:
        shutil.chown(path, user, user)
        for child in Path(path).rglob("*"):
            shutil.chown(child, user, user)


def port_free(port):
    import socket

    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def wait_for(what, test, timeout, interval=0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if test():
                return
        except Exception:  # noqa: BLE001, S110 - not up yet
            pass
        time.sleep(interval)
    raise RuntimeError(f"{what} did not come up within {timeout} s")


def read_env_file(path):
    """KEY=value lines as systemd's EnvironmentFile= reads them (comments and blank lines skipped)."""
    env = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key.strip()] = value.strip()
    return env


def unit_command(unit, instance=None):
    """A unit's ExecStart as an argument list, with the kit's paths mapped onto this checkout."""
    text = (DEPLOY / "systemd" / unit).read_text(encoding="utf-8")
    command = re.search(r"^ExecStart=(.+)$", text, re.MULTILINE).group(1)
    if instance is not None:
        command = command.replace("%i", str(instance))
    command = command.replace("/srv/ideabank/.venv/bin/python", sys.executable)
    command = command.replace("/srv/ideabank/.venv/bin/", f"{BIN}/")
    return shlex.split(command)


def restart_seconds(unit):
    found = re.search(r"^RestartSec=(\d+)", (DEPLOY / "systemd" / unit).read_text(encoding="utf-8"), re.MULTILINE)
    return int(found.group(1)) if found else 1


class Process:
    """A long-running server process with its log file; `restart` mimics systemd's Restart=always."""

    def __init__(self, name, command, env=None, restart=None, cwd=ROOT):
        self.name, self.command, self.env, self.restart, self.cwd = name, command, env, restart, cwd
        self.popen = None
        self.log_path = VAR / "logs" / f"{name}.log"
        self.wanted = False
        self.restarts = 0

    def start(self):
        self.wanted = True
        log_file = open(self.log_path, "a", encoding="utf-8")  # noqa: SIM115 - the child keeps it
        self.popen = subprocess.Popen(  # noqa: S603
            self.command, env=self.env, cwd=self.cwd, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True
        )
        log_file.close()
        return self

    @property
    def pid(self):
        return self.popen.pid if self.popen else None

    def running(self):
        return self.popen is not None and self.popen.poll() is None

    def kill(self, sig=signal.SIGKILL):
        """Kill it as a crash would (the supervisor may bring it back)."""
        os.kill(self.popen.pid, sig)
        self.popen.wait(30)

    def stop(self, timeout=30):
        self.wanted = False
        if not self.running():
            return
        os.killpg(self.popen.pid, signal.SIGTERM)
        try:
            self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait()


class ElasticsearchNode:
    """One node of the two-node cluster (scripts/elasticsearch.sh's distribution, our own config)."""

    def __init__(self, name, http_port, transport_port, home):
        self.name, self.http_port, self.transport_port, self.home = name, http_port, transport_port, home
        self.dir = VAR / name
        self.pidfile = self.dir / "es.pid"
        self.url = f"http://127.0.0.1:{http_port}"

    def configure(self):
        config = self.dir / "config"
        (config / "jvm.options.d").mkdir(parents=True, exist_ok=True)
        for name in ("data", "logs", "tmp"):
            (self.dir / name).mkdir(exist_ok=True)
        for name in ("jvm.options", "log4j2.properties"):
            shutil.copy(self.home / "config" / name, config / name)
        seeds = ", ".join(f"127.0.0.1:{transport}" for _http, transport in ES_NODES.values())
        (config / "elasticsearch.yml").write_text(
            f"""# Written by tests/deploy/stack.py: one node of the prod-check cluster, loopback only.
cluster.name: ideabank-prod-check
node.name: {self.name}
path.data: {self.dir / "data"}
path.logs: {self.dir / "logs"}
network.host: 127.0.0.1
http.port: {self.http_port}
transport.port: {self.transport_port}
discovery.seed_hosts: [{seeds}]
cluster.initial_master_nodes: [{", ".join(ES_NODES)}]
discovery.find_peers_interval: 250ms
node.processors: 1
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
""",
            encoding="utf-8",
        )

    def start(self):
        own(self.dir, "elasticsearch")
        java = Path(os.path.realpath(shutil.which("java"))).parent.parent
        env = {
            **os.environ,
            "HOME": str(self.dir),
            "ES_HOME": str(self.home),
            "ES_PATH_CONF": str(self.dir / "config"),
            "ES_TMPDIR": str(self.dir / "tmp"),
            "ES_JAVA_HOME": str(java),
            "ES_JAVA_OPTS": ES_JAVA_OPTS,
            "CLI_JAVA_OPTS": ES_CLI_JAVA_OPTS,
        }
        self.pidfile.unlink(missing_ok=True)
        # Not awaited: a node waits for the other to form the cluster, so both must start at once.
        with open(self.dir / "logs" / "startup.log", "a", encoding="utf-8") as output:
            subprocess.Popen(  # noqa: S603
                [
                    *as_user("elasticsearch"),
                    "env",
                    *[f"{k}={v}" for k, v in env.items() if k.startswith(("ES_", "CLI_", "HOME"))],
                ]
                + [str(self.home / "bin" / "elasticsearch"), "-d", "-p", str(self.pidfile)],
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    def pids(self):
        """This node's processes: the launcher and the server, also while it boots (before the pid file exists).

        Both name a path under the node's own directory (ES_PATH_CONF, java.io.tmpdir) on their command line."""
        mark = f"{self.dir}/".encode()
        found = []
        for proc in Path("/proc").iterdir():
            if proc.name.isdigit():
                try:
                    cmdline = (proc / "cmdline").read_bytes()
                except OSError:
                    continue
                if b"java" in cmdline and mark in cmdline:
                    found.append(int(proc.name))
        return found

    def answers(self):
        try:
            with urllib.request.urlopen(f"{self.url}/_nodes/_local", timeout=2):  # noqa: S310 - loopback
                return True
        except OSError:
            return False

    def running(self):
        return bool(self.pids())

    def stop(self, timeout=30):
        """SIGTERM (a clean shutdown, as systemd stops it), SIGKILL after `timeout`; also a node still booting."""
        for sig in (signal.SIGTERM, signal.SIGKILL):
            for pid in self.pids():
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    pass
            deadline = time.monotonic() + timeout
            while self.pids() and time.monotonic() < deadline:
                time.sleep(0.2)
            if not self.pids():
                break
        else:
            raise RuntimeError(f"Elasticsearch node {self.name} did not stop")
        self.pidfile.unlink(missing_ok=True)


class Stack:
    def __init__(self):
        self.processes = {}
        self.nodes = {}
        self.stopping = threading.Event()
        self.supervisor = None
        self.env = None
        self.database_url = None

    # ---- the whole layout --------------------------------------------------------------------------

    def start(self):
        started = time.monotonic()
        self.leftovers()
        busy = [p for p in (HTTPS_PORT, *ASGI_PORTS, POSTGRES_PORT, REDIS_PORT) if not port_free(p)]
        busy += [http for http, _t in ES_NODES.values() if not port_free(http)]
        if busy:
            raise RuntimeError(f"ports in use (another prod-check running?): {busy}")
        if VAR.exists():
            shutil.rmtree(VAR)
        (VAR / "logs").mkdir(parents=True)
        self.certificate()
        es_home = self.fetch_elasticsearch()
        for name, (http, transport) in ES_NODES.items():
            node = self.nodes[name] = ElasticsearchNode(name, http, transport, es_home)
            node.configure()
            node.start()
        log(f"Elasticsearch nodes starting: {', '.join(n.url for n in self.nodes.values())}")
        self.postgres()
        log(f"PostgreSQL up ({time.monotonic() - started:.0f} s)")
        self.redis()
        self.env = self.django_env()
        self.prepare_site()  # while the Elasticsearch nodes find each other
        for port in ASGI_PORTS:
            unit = "ideabank-asgi@.service"
            self.run_process(
                f"asgi-{port}", unit_command(unit, port), env=self.env, restart=restart_seconds(unit)
            ).start()
        unit = "ideabank-worker.service"
        self.run_process("worker", unit_command(unit), env=self.env, restart=restart_seconds(unit)).start()
        self.nginx()
        wait_for("the site through nginx", lambda: self.get_status("/readyz") == 200, timeout=120)
        self.supervisor = threading.Thread(target=self.supervise, daemon=True)
        self.supervisor.start()
        log(f"stack up in {time.monotonic() - started:.0f} s: {BASE_URL}/")

    def stop(self):
        """Stop everything, each part even when another fails to stop."""
        self.stopping.set()
        parts = [self.processes[name].stop for name in reversed(list(self.processes))]
        parts += [node.stop for node in self.nodes.values()]
        parts.append(self.stop_postgres)
        failures = []
        for stop in parts:
            try:
                stop()
            except Exception as error:  # noqa: BLE001 - go on stopping the rest
                failures.append(repr(error))
        log(f"stack stopped{'; ' + ', '.join(failures) if failures else ''}")

    def leftovers(self):
        """Stop what an interrupted earlier run of this checkout left behind (daemonised, so it outlives pytest)."""
        for name, (http, transport) in ES_NODES.items():
            ElasticsearchNode(name, http, transport, None).stop()
        self.stop_postgres()

    def stop_postgres(self):
        if (VAR / "postgres" / "data" / "postmaster.pid").exists():
            self.pg_ctl("stop", "-m", "fast")

    def supervise(self):
        while not self.stopping.wait(0.5):
            for process in list(self.processes.values()):
                if process.restart is not None and process.wanted and not process.running():
                    time.sleep(process.restart)
                    if process.wanted and not self.stopping.is_set():
                        process.restarts += 1
                        log(f"{process.name} exited; restarted as systemd would (Restart=always)")
                        process.start()

    def run_process(self, name, command, env=None, restart=None):
        process = self.processes[name] = Process(name, command, env=env, restart=restart)
        return process

    # ---- the parts -----------------------------------------------------------------------------------

    def certificate(self):
        tls = VAR / "tls"
        tls.mkdir()
        subprocess.run(  # noqa: S603
            [  # noqa: S607
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-keyout", str(tls / "key.pem"), "-out", str(tls / "cert.pem"),
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )  # fmt: skip
        (tls / "key.pem").chmod(0o600)
        self.ca_file = str(tls / "cert.pem")

    def fetch_elasticsearch(self):
        result = subprocess.run(  # noqa: S603 - the first run downloads and builds: minutes
            [str(ROOT / "scripts" / "elasticsearch.sh"), "fetch"],
            capture_output=True,
            text=True,
            check=False,
            timeout=900,
        )
        if result.returncode != 0:
            raise RuntimeError(f"scripts/elasticsearch.sh fetch failed:\n{result.stderr[-2000:]}")
        return Path(result.stdout.split()[-1])

    def pg_bin(self, name):
        version = sorted(Path("/usr/lib/postgresql").iterdir(), key=lambda p: int(p.name))[-1]
        return str(version / "bin" / name)

    def pg_ctl(self, *args):
        """pg_ctl, always with the server log file (-l): without it the server it starts writes to pg_ctl's
        output, which it inherits, so a caller reading that output waits as long as the server runs."""
        base = VAR / "postgres"
        (VAR / "logs").mkdir(parents=True, exist_ok=True)
        with open(VAR / "logs" / "pg_ctl.log", "a", encoding="utf-8") as output:
            subprocess.run(  # noqa: S603
                [*as_user("postgres"), self.pg_bin("pg_ctl"), "-D", str(base / "data"),
                 "-l", str(base / "postgres.log"), "-w", "-t", "60", *args],
                check=True,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                timeout=90,
            )  # fmt: skip

    def restart_postgres(self):
        self.pg_ctl("restart", "-m", "fast")

    def postgres(self):
        base = VAR / "postgres"
        base.mkdir()
        password = secrets.token_urlsafe(16)
        (base / "pwfile").write_text(password)
        own(base, "postgres")
        subprocess.run(  # noqa: S603
            [*as_user("postgres"), self.pg_bin("initdb"), "-D", str(base / "data"), "-U", "ideabank",
             "--auth-host=scram-sha-256", "--auth-local=trust", f"--pwfile={base / 'pwfile'}", "-E", "UTF8",
             "--locale=C.UTF-8", "--no-sync"],
            check=True,
            capture_output=True,
            timeout=120,
        )  # fmt: skip
        # synchronous_commit=off only speeds up the migrations on a busy CI machine: a crash of this server
        # could lose the last commits, a restart (the fault drill) loses nothing.
        options = (
            f"-p {POSTGRES_PORT} -k {base} -c listen_addresses=127.0.0.1 -c max_connections=60"
            " -c synchronous_commit=off"
        )
        self.pg_ctl("-o", options, "start")
        self.database_url = f"postgres://ideabank:{password}@127.0.0.1:{POSTGRES_PORT}/ideabank"
        self.psql("postgres", "CREATE DATABASE ideabank")
        log(f"PostgreSQL on 127.0.0.1:{POSTGRES_PORT} (data in {base / 'data'})")

    def psql(self, database, sql):
        """Run SQL as the database owner and return its rows as tab-separated text."""
        env = {**os.environ, "PGPASSWORD": self.database_url.split(":")[2].split("@")[0]}
        result = subprocess.run(  # noqa: S603
            [self.pg_bin("psql"), "-h", "127.0.0.1", "-p", str(POSTGRES_PORT), "-U", "ideabank", "-d", database,
             "-v", "ON_ERROR_STOP=1", "-tAc", sql],
            check=True,
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )  # fmt: skip
        return result.stdout.strip()

    def redis(self):
        (VAR / "redis").mkdir()
        self.run_process(
            "redis",
            ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        ).start()
        wait_for("Redis", self.redis_answers, timeout=20, interval=0.1)
        log(f"Redis on 127.0.0.1:{REDIS_PORT}")

    def redis_answers(self):
        import redis

        return redis.Redis(port=REDIS_PORT, socket_timeout=1).ping()

    def django_env(self):
        env = {**os.environ, **read_env_file(DEPLOY / "ideabank.env.example")}
        env.update(
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            WAGTAILADMIN_BASE_URL=BASE_URL,
            DATABASE_URL=self.database_url,
            REDIS_URL=f"redis://127.0.0.1:{REDIS_PORT}/0",
            ELASTICSEARCH_URL=",".join(node.url for node in self.nodes.values()),
            SEARCH_INDEX_PREFIX="prodcheck",
            SEARCH_RETRY_AFTER_SECONDS="3",
            DATABASE_POOL_TIMEOUT="5",
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            PYTHONUNBUFFERED="1",
        )
        env.pop("PYTEST_XDIST_WORKER", None)
        return env

    def manage(self, *args, check=True, timeout=180):
        return subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            check=check,
            timeout=timeout,
        )

    def prepare_site(self):
        """Migrate, create the users and build the search index (tests/deploy/prepare.py), static files beside."""
        started = time.monotonic()
        collectstatic = subprocess.Popen(  # noqa: S603 - beside the migrations, which wait for PostgreSQL
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=self.env
        )
        try:
            subprocess.run(  # noqa: S603
                [sys.executable, "-m", "tests.deploy.prepare"], cwd=ROOT, env=self.env, check=True, timeout=600
            )
            if collectstatic.wait(timeout=max(1, 600 - (time.monotonic() - started))) != 0:
                raise RuntimeError("collectstatic failed")
        finally:
            if collectstatic.poll() is None:
                collectstatic.kill()
        log(f"site prepared, static files collected ({time.monotonic() - started:.0f} s)")

    def nginx(self):
        directory = VAR / "nginx"
        (directory / "tmp").mkdir(parents=True)
        (directory / "tmp").chmod(0o777)
        site = (DEPLOY / "nginx" / "idebanken.conf").read_text(encoding="utf-8")
        site = "\n".join(line for line in site.splitlines() if "[::]" not in line)
        replacements = {
            "listen 443 ssl http2;": f"listen 127.0.0.1:{HTTPS_PORT} ssl http2;",
            "listen 80;": f"listen 127.0.0.1:{HTTPS_PORT + 1};",
            "/etc/ssl/idebanken/fullchain.pem": str(VAR / "tls" / "cert.pem"),
            "/etc/ssl/idebanken/privkey.pem": str(VAR / "tls" / "key.pem"),
            "/var/log/nginx/": f"{directory}/",
            "/srv/ideabank/var/static/": f"{ROOT / 'var' / 'static'}/",
        }
        for old, new in replacements.items():
            assert old in site, f"deploy/nginx/idebanken.conf no longer contains {old!r}"
            site = site.replace(old, new)
        (directory / "idebanken.conf").write_text(site, encoding="utf-8")
        temp = directory / "tmp"
        (directory / "nginx.conf").write_text(
            f"""# The frame around deploy/nginx/idebanken.conf that Debian's /etc/nginx/nginx.conf would give.
worker_processes 1;
error_log {directory}/error.log warn;
pid {directory}/nginx.pid;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {directory}/idebanken.conf;
}}
""",
            encoding="utf-8",
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        subprocess.run([nginx, "-t", "-c", str(directory / "nginx.conf")], check=True, capture_output=True, timeout=30)  # noqa: S603
        self.run_process("nginx", [nginx, "-c", str(directory / "nginx.conf"), "-g", "daemon off;"]).start()
        log(f"nginx (TLS, HTTP/2) on {BASE_URL} in front of ASGI workers on ports {', '.join(map(str, ASGI_PORTS))}")

    # ---- helpers for the tests ------------------------------------------------------------------------

    def get_status(self, path):
        import requests

        return requests.get(BASE_URL + path, verify=self.ca_file, timeout=10).status_code

    def wait_for_redis(self):
        wait_for("Redis", self.redis_answers, timeout=20, interval=0.1)

    def asgi_workers(self):
        return [self.processes[f"asgi-{port}"] for port in ASGI_PORTS]

    def wait_for_elasticsearch(self, status="yellow", nodes=2, timeout=240):
        def healthy():
            for node in self.nodes.values():
                url = f"{node.url}/_cluster/health?wait_for_status={status}&wait_for_nodes={nodes}&timeout=2s"
                try:
                    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
                        return response.status == 200
                except OSError:
                    continue
            return False

        wait_for(f"Elasticsearch ({nodes} nodes, {status})", healthy, timeout=timeout)

    def start_elasticsearch(self):
        """Start the nodes that are down (together: a lone node waits for its peer) and wait for the cluster."""
        stopped = [node for node in self.nodes.values() if not node.running()]
        for node in stopped:
            node.start()
        if stopped:
            log(f"started {', '.join(node.name for node in stopped)}")
        self.wait_for_elasticsearch()
