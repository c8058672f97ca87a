"""SQL queries per request, counted in a process of its own (not during the timed load).

`python -m bench.querycount PLAN.json RESULT.json` runs in the bench's Django environment and sends
the pages' first requests through Django's test client against the bench database, with
CaptureQueriesContext around each: once on cold caches (the first request after the cache was
emptied) and once more warm, which is what nearly every request of a running site sees.
"""

import json
import sys

import django


def count(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return len(captured.captured_queries), [query["sql"] for query in captured.captured_queries]


def main(plan_path, result_path):
    django.setup()
    from django.core.cache import cache
    from django.test import Client

    with open(plan_path, encoding="utf-8") as handle:
        pages = json.load(handle)["pages"]
    # The proxy header, as in the load: production settings redirect plain http otherwise.
    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    cache.clear()
    result = {}
    for name, path in pages.items():
        cold, cold_sql = count(client, path)
        warm, warm_sql = count(client, path)
        result[name] = {"path": path, "cold": cold, "warm": warm, "warm_sql": warm_sql, "cold_sql": cold_sql}
    with open(result_path, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=2)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
