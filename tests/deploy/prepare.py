"""The deploy steps of a fresh site in one Django process (`python -m tests.deploy.prepare`, run by stack.py).

What an operator runs as separate `manage.py` commands, in one process because each start of Django costs
seconds of CPU on a busy two-core machine: migrate (while the Elasticsearch nodes boot), create the check's
two staff users, wait for the two-node cluster, build the search index.
"""

import os
import time
import urllib.request

import django
from django.core.management import call_command

from .stack import PASSWORD, USERS, log

CLUSTER_TIMEOUT_SECONDS = 240


def cluster_formed(url):
    try:
        with urllib.request.urlopen(f"{url}/_cluster/health?wait_for_nodes=2&timeout=1s", timeout=5) as answer:  # noqa: S310 - loopback
            return answer.status == 200
    except OSError:
        return False


def wait_for_cluster():
    first_node = os.environ["ELASTICSEARCH_URL"].split(",")[0]
    deadline = time.monotonic() + CLUSTER_TIMEOUT_SECONDS
    while not cluster_formed(first_node):
        if time.monotonic() > deadline:
            raise SystemExit(f"the two-node Elasticsearch cluster did not form within {CLUSTER_TIMEOUT_SECONDS} s")
        time.sleep(0.5)


def main():
    started = time.monotonic()
    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    log(f"migrated ({time.monotonic() - started:.0f} s)")
    for email, organisation in USERS.values():
        call_command(
            "create_user", email, role="medarbejder", organisation_code=organisation, password=PASSWORD, verbosity=0
        )
    wait_for_cluster()
    log(f"Elasticsearch: two nodes in one cluster ({time.monotonic() - started:.0f} s)")
    call_command("search_reindex", verbosity=0)
    log(f"users created, search index built ({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
