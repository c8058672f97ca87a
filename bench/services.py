"""The servers the benchmark needs, installed and started the way CI does (.ci/run's system packages,
scripts/ci_services.sh for PostgreSQL and Redis, scripts/elasticsearch.sh for Elasticsearch).

Each starter answers None when its service cannot be had. `stack()` then stops the benchmark with a
message naming what is missing, unless BENCH_ALLOW_MISSING=1 asks for the smaller stack; then the run goes
on (SQLite and one server process, local-memory caches, no search_es) and bench/budgets.py marks what that
stack cannot measure NOT MEASURED.
"""

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from glob import glob
from urllib.parse import urlsplit

from .config import ROOT

# What .ci/run installs for these services: (command or path that proves it is there, Debian package).
SYSTEM_PACKAGES = {
    "postgresql": [("/usr/lib/postgresql/*/bin/postgres", "postgresql")],
    "redis": [("redis-server", "redis-server")],
    # Elasticsearch comes from Maven Central, with a small analysis plugin compiled on the spot.
    "elasticsearch": [("javac", "openjdk-17-jdk-headless"), ("mvn", "maven"), ("unzip", "unzip"), ("curl", "curl")],
}
SERVICE_NAMES = {"postgresql": "PostgreSQL", "redis": "Redis", "elasticsearch": "Elasticsearch"}


def log(message):
    print(f"[bench] {message}", flush=True)


def _postgres_answers(url):
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=3):
            return True
    except psycopg.Error:
        return False


def _run(command, timeout):
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)  # noqa: S603
    except (OSError, subprocess.TimeoutExpired) as error:
        return False, str(error)
    return result.returncode == 0, (result.stdout + result.stderr).strip()


def start_ci_services():
    ok, output = _run([str(ROOT / "scripts" / "ci_services.sh"), "start"], timeout=180)
    log(output.splitlines()[-1] if output else "scripts/ci_services.sh start")
    return ok


def postgres(config):
    """The bench database's URL, created if missing, or None when PostgreSQL cannot be started."""
    maintenance = f"{config.postgres.rstrip('/')}/ideabank"
    if not _postgres_answers(maintenance):
        log("PostgreSQL does not answer; starting it with scripts/ci_services.sh")
        start_ci_services()
        if not _postgres_answers(maintenance):
            return None
    import psycopg
    from psycopg import sql

    with psycopg.connect(maintenance, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config.database_name]).fetchone()
        if not exists:
            log(f"Creating database {config.database_name}")
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config.database_name)))
    return config.postgres_url


def drop_database(config):
    import psycopg
    from psycopg import sql

    maintenance = f"{config.postgres.rstrip('/')}/ideabank"
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(config.database_name))
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config.database_name)))


def redis(config):
    """The Redis URL for cache and channel layer (its own database number), or None."""
    import redis as redis_client

    def answers():
        try:
            return redis_client.Redis(host="127.0.0.1", port=config.redis_port, socket_timeout=2).ping()
        except redis_client.RedisError:
            return False

    if not answers():
        start_ci_services()
    if not answers():
        return None
    # A clean cache per run: the pages start cold and rate-limit counters from an earlier run are gone.
    redis_client.Redis(host="127.0.0.1", port=config.redis_port, db=config.redis_db).flushdb()
    return config.redis_url


def elasticsearch(config):
    """The URL of a local Elasticsearch node (started, and fetched the first time), or None."""
    if not config.use_elasticsearch:
        return None
    ok, output = _run([str(ROOT / "scripts" / "elasticsearch.sh"), "start", str(config.es_port)], timeout=900)
    if not ok:
        log(f"Elasticsearch unavailable, search_es is skipped: {output[-400:]}")
        return None
    url = output.split()[-1]
    return url if urlsplit(url).scheme == "http" else config.es_url


def elasticsearch_version(url):
    import json
    from urllib.request import urlopen

    try:
        with urlopen(url, timeout=3) as response:  # noqa: S310 - our own loopback node
            return json.load(response)["version"]["number"]
    except (OSError, ValueError, KeyError):
        return None


def installed(check):
    return bool(glob(check)) if check.startswith("/") else shutil.which(check) is not None


def install_system_packages(services):
    """apt-get install what `services` need and the machine lacks (as root, or through password-less sudo)."""
    missing = [package for name in services for check, package in SYSTEM_PACKAGES[name] if not installed(check)]
    if not missing or shutil.which("apt-get") is None:
        return
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
    log(f"Installing {' '.join(missing)} (apt-get, as .ci/run does)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "--no-install-recommends"]):
        arguments = command + (missing if "install" in command else [])
        result = subprocess.run([*prefix, *arguments], capture_output=True, text=True, env=env, check=False)  # noqa: S603
        if result.returncode != 0:
            log(f"apt-get failed: {(result.stderr or result.stdout).strip()[-400:]}")
            return


@dataclass
class Stack:
    """The services a run has: their URLs ("" when missing) and the names of the missing ones."""

    database_url: str
    redis_url: str
    elasticsearch_url: str
    missing: list = field(default_factory=list)

    @property
    def used(self):
        """{service: whether the run has it}, as latest.json records it."""
        return {name: name not in self.missing for name in SERVICE_NAMES}


def stack(config):
    """Install and start PostgreSQL, Redis and Elasticsearch; stop when one cannot be had and the smaller stack
    was not asked for (BENCH_ALLOW_MISSING=1). Elasticsearch left out with BENCH_ELASTICSEARCH=0 is missing
    too, without stopping the run."""
    install_system_packages([name for name in SERVICE_NAMES if name != "elasticsearch" or config.use_elasticsearch])
    database_url, redis_url, es_url = postgres(config), redis(config), elasticsearch(config)
    wanted = {"postgresql": database_url, "redis": redis_url, "elasticsearch": es_url}
    missing = [name for name, url in wanted.items() if not url]
    # BENCH_ELASTICSEARCH=0 already says it out loud; anything else missing needs BENCH_ALLOW_MISSING=1.
    unasked = [name for name in missing if name != "elasticsearch" or config.use_elasticsearch]
    if unasked and not config.allow_missing:
        names = ", ".join(SERVICE_NAMES[name] for name in unasked)
        raise SystemExit(
            f"[bench] make bench measures the site on PostgreSQL, Redis and Elasticsearch; missing: {names}.\n"
            "[bench] Start them (scripts/ci_services.sh start; scripts/elasticsearch.sh start 9201) and run it again,\n"
            "[bench] or measure the smaller stack with BENCH_ALLOW_MISSING=1: its budgets are then NOT MEASURED."
        )
    for name in missing:
        log(f"!!! {SERVICE_NAMES[name]} missing: the budgets it affects are NOT MEASURED")
    if not database_url:
        database_url = config.sqlite_url
        # SQLite takes one writer at a time: a second server process would only add "database is locked".
        config.workers = 1
        log(f"Using SQLite ({database_url}) and one server process")
    return Stack(database_url, redis_url or "", es_url or "", missing)
