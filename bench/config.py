"""What the benchmark runs against and how long, in one place. Each value can be overridden from the
environment (BENCH_*), e.g. `BENCH_DURATION=5 make bench` for a quick look."""

import os
import secrets
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
PYTHON = sys.executable


def env_int(name, default):
    return int(os.environ.get(name, default))


def env_float(name, default):
    return float(os.environ.get(name, default))


@dataclass
class Config:
    ideas: int = field(default_factory=lambda: env_int("BENCH_IDEAS", 100_000))
    database_name: str = field(default_factory=lambda: os.environ.get("BENCH_DATABASE", "ideabank_bench"))
    postgres: str = field(
        default_factory=lambda: os.environ.get("BENCH_POSTGRES", "postgres://ideabank:ideabank@127.0.0.1:5432")
    )
    redis_port: int = field(default_factory=lambda: env_int("BENCH_REDIS_PORT", 6390))
    redis_db: int = field(default_factory=lambda: env_int("BENCH_REDIS_DB", 6))
    es_port: int = field(default_factory=lambda: env_int("BENCH_ES_PORT", 9201))
    use_elasticsearch: bool = field(default_factory=lambda: os.environ.get("BENCH_ELASTICSEARCH", "1") != "0")
    # Measure a smaller stack when PostgreSQL, Redis or Elasticsearch cannot be had, instead of stopping;
    # the budgets that stack cannot speak for are then NOT MEASURED (bench/budgets.py).
    allow_missing: bool = field(default_factory=lambda: os.environ.get("BENCH_ALLOW_MISSING", "0") == "1")
    port: int = field(default_factory=lambda: env_int("BENCH_PORT", 8765))
    # Two ASGI processes for two cores: Django runs every sync view of a process on one thread, so a
    # process uses at most about one core; a third would only queue behind the load generator and
    # PostgreSQL, which share the same two cores (bench/README measured 1, 2 and 3).
    workers: int = field(default_factory=lambda: env_int("BENCH_WORKERS", 2))
    concurrency: int = field(default_factory=lambda: env_int("BENCH_CONCURRENCY", 8))
    warmup: float = field(default_factory=lambda: env_float("BENCH_WARMUP", 5))
    duration: float = field(default_factory=lambda: env_float("BENCH_DURATION", 15))
    # Every voter of the data set: at 120 votes a minute per user (RATE_LIMIT_VOTE), 96 voters would cap
    # the target at 192 votes a second and count the rest as 429 errors.
    voters: int = field(default_factory=lambda: env_int("BENCH_VOTERS", 256))
    targets: list = field(
        default_factory=lambda: [t for t in os.environ.get("BENCH_TARGETS", "").split(",") if t.strip()]
    )
    # A second pass over the page targets with the page cache off: what a logged-in user, or the first
    # anonymous visitor after a change, waits for (reported beside the budgets, not judged by them).
    rendered: bool = field(default_factory=lambda: os.environ.get("BENCH_RENDERED", "1") != "0")
    # The logged-in pass: a staff session on the pages and a bearer token on the API, each of `staff` workers
    # its own staff member (one per concurrent connection by default).
    logged_in: bool = field(default_factory=lambda: os.environ.get("BENCH_LOGGED_IN", "1") != "0")
    staff: int = field(default_factory=lambda: env_int("BENCH_STAFF", env_int("BENCH_CONCURRENCY", 8)))
    profile: bool = field(default_factory=lambda: os.environ.get("BENCH_PROFILE", "0") == "1")
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(50))

    @property
    def es_url(self):
        return f"http://127.0.0.1:{self.es_port}"

    @property
    def redis_url(self):
        return f"redis://127.0.0.1:{self.redis_port}/{self.redis_db}"

    @property
    def postgres_url(self):
        return f"{self.postgres.rstrip('/')}/{self.database_name}"

    @property
    def sqlite_url(self):
        return f"sqlite:///{VAR / f'{self.database_name}.sqlite3'}"


def django_env(config, database_url, redis_url="", elasticsearch_url=""):
    """The environment of every Django process of the benchmark: the production settings, pointed at the
    bench database. Plain http on loopback needs no change to them: the load generator sends
    `X-Forwarded-Proto: https` as the TLS-terminating proxy in front of production does."""
    env = dict(os.environ)
    for name in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="ideabank.settings.production",
        SECRET_KEY=config.secret_key,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        # A connection pool per process, as the deployment outline says: without one every request opens a
        # connection (~4 ms of CPU), and CONN_MAX_AGE leaks one per request thread under ASGI.
        DATABASE_POOL=os.environ.get("BENCH_DATABASE_POOL", "true"),
        SEARCH_INDEX_PREFIX=config.database_name.replace("_", "-"),  # ideabank-bench: its own indices
        # No mail server on a bench machine: mail is composed as in production, then dropped.
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{config.port}",
        PYTHONHASHSEED="0",
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    if elasticsearch_url:
        env["ELASTICSEARCH_URL"] = elasticsearch_url
    return env
