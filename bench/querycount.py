"""SQL queries per request, counted in a process of its own (not during the timed load).

`python -m bench.querycount PLAN.json RESULT.json` runs in the bench's Django environment and sends
the pages' first requests through Django's test client against the bench database, with
CaptureQueriesContext around each: once on cold caches (the first request after the cache was
emptied) and once more warm, which is what nearly every request of a running site sees.

The plan has `anonymous` pages ({name: path}, a client without cookies) and optionally `logged_in`
({"email", "token", "pages"}): a staff member's session on the pages and their bearer token on the API
(names starting with `api_`), as the load's logged-in pass sends them. RESULT.json has one section each.
"""

import json
import logging
import sys

import django


def count(client, path, **headers):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **headers)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return len(captured.captured_queries), [query["sql"] for query in captured.captured_queries]


def count_pages(client, pages, **headers):
    """{name: cold and warm counts} of `pages`, starting from an emptied cache."""
    from django.core.cache import cache

    cache.clear()
    result = {}
    for name, path in pages.items():
        cold, cold_sql = count(client, path, **headers)
        warm, warm_sql = count(client, path, **headers)
        result[name] = {"path": path, "cold": cold, "warm": warm, "warm_sql": warm_sql, "cold_sql": cold_sql}
    return result


def main(plan_path, result_path):
    django.setup()
    # One line per request on stdout would bury the bench's own output.
    logging.getLogger("ideabank.request").setLevel(logging.WARNING)
    from django.contrib.auth import get_user_model
    from django.test import Client

    with open(plan_path, encoding="utf-8") as handle:
        plan = json.load(handle)
    # The proxy header, as in the load: production settings redirect plain http otherwise.
    options = {"HTTP_HOST": "127.0.0.1", "HTTP_X_FORWARDED_PROTO": "https"}
    result = {"anonymous": count_pages(Client(**options), plan.get("anonymous", {}))}
    if signed_in := plan.get("logged_in"):
        pages = signed_in["pages"]
        staff = Client(**options)
        staff.force_login(get_user_model().objects.get(email=signed_in["email"]))
        api = {name: path for name, path in pages.items() if name.startswith("api_")}
        html = {name: path for name, path in pages.items() if name not in api}
        # The API gets the token alone, as the load sends it.
        tokened = count_pages(Client(**options), api, HTTP_AUTHORIZATION=f"Bearer {signed_in['token']}")
        result["logged_in"] = {**count_pages(staff, html), **tokened}
    with open(result_path, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=2)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
