"""The servers the benchmark needs, started the way CI starts them (scripts/ci_services.sh for
PostgreSQL and Redis, scripts/elasticsearch.sh for Elasticsearch). Each answers None when it cannot
be had, and the benchmark carries on without it (SQLite, local-memory cache, no search_es)."""

import subprocess
from urllib.parse import urlsplit

from .config import ROOT


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
