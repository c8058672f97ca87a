"""/healthz and /readyz for load balancers, systemd and the production check.

/healthz says only that the process answers (no service is touched, so a slow database never makes a
load balancer kill healthy workers). /readyz asks each configured service with a short timeout and names
them in JSON; one that does not answer makes it 503, so the proxy stops sending users to a worker that
cannot serve them. Neither needs a login and neither is ever cached (they are not in the page cache's
views, and say no-store).
"""

import logging
import time

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

TIMEOUT_SECONDS = 2
logger = logging.getLogger(__name__)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_redis():
    import redis

    client = redis.Redis.from_url(
        settings.REDIS_URL, socket_connect_timeout=TIMEOUT_SECONDS, socket_timeout=TIMEOUT_SECONDS
    )
    try:
        client.ping()
    finally:
        client.close()


def check_elasticsearch():
    """The cluster answers and every primary shard is assigned (yellow: a replica is missing, still served)."""
    from search.backends.elasticsearch import client

    health = client().options(request_timeout=TIMEOUT_SECONDS).cluster.health()
    if health["status"] == "red":
        raise RuntimeError("cluster status red")
    return health["status"]


def configured_checks():
    """{name: check} for the services this deployment uses; SQLite and the embedded defaults count too."""
    checks = {"database": check_database}
    if settings.REDIS_URL:
        checks["redis"] = check_redis
    if settings.ELASTICSEARCH_URL:
        checks["elasticsearch"] = check_elasticsearch
    return checks


def run_check(check):
    started = time.monotonic()
    try:
        detail = check()
    except Exception as error:  # noqa: BLE001 - whatever the failure, the answer is "not ready"
        # The answer is public: it names the kind of failure; the details (hosts, ports) go to the log.
        logger.warning("Readiness check %s failed", check.__name__, exc_info=True)
        result = {"ok": False, "error": type(error).__name__}
    else:
        result = {"ok": True}
        if detail:
            result["status"] = detail
    result["ms"] = round((time.monotonic() - started) * 1000, 1)
    return result


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    results = {name: run_check(check) for name, check in configured_checks().items()}
    ready = all(result["ok"] for result in results.values())
    return JsonResponse({"status": "ok" if ready else "unavailable", "checks": results}, status=200 if ready else 503)
