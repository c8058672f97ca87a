"""What each pass of the benchmark requests: the anonymous pass (page cache on, plus the signed-in writes)
and the logged-in pass (a staff session on the pages, a bearer token on the API).

A target is {"name", "kind", "paths", "auth"}: kind "get" requests its paths in turn, "vote" and "encounter"
are the signed-in writes of bench/load.py; auth "session" sends the worker's staff session cookie, "token"
its staff bearer token, and no auth sends nothing (an anonymous visitor).
"""

from urllib.parse import quote

SEARCH_QUERIES = [
    "bostøtte",
    "misbrug",
    "ensomhed ældre",
    "forældre",
    "hjemløse unge",
    "housing first",
    "netværk",
    "alkohol",
    "efterværn anbragte",
    "frivillige",
]
ANONYMOUS_TARGETS = (
    "floor",
    "home",
    "idea_list",
    "idea_detail",
    "search_db",
    "search_es",
    "vote",
    "encounter",
    "api_ideas",
)
SIGNED_IN_TARGETS = ("vote", "encounter")
RENDERED_TARGETS = ("home", "idea_list", "idea_detail", "search_db", "search_es", "api_ideas")
LOGGED_IN_TARGETS = (
    "home",
    "idea_list",
    "idea_detail",
    "search_db",
    "search_es",
    "method",
    "spread",
    "notifications",
    "api_ideas",
    "api_search",
)
# Served by a second configuration of the server without ELASTICSEARCH_URL: the site picks its search
# backend from the settings.
DATABASE_SEARCH_TARGETS = ("search_db",)


def paths(built):
    """{target name: [paths]} of the data set `built` (bench/dataset.py's summary)."""
    groups = built["target_groups"]
    searches = [f"/soeg/?q={quote(q)}" for q in SEARCH_QUERIES]
    return {
        "floor": ["/_floor/"],
        "home": ["/"],
        "idea_list": [f"/ideer/?target_group={slug}" for slug in groups],
        "idea_detail": [f"/ideer/{built['showcase_idea']}/"],
        "search_db": searches,
        "search_es": searches,
        "method": [built["method_page"]] if built.get("method_page") else [],
        "spread": ["/udbredelse/"],
        "notifications": ["/notifikationer/"],
        "api_ideas": [f"/api/v1/ideas?target_group={slug}" for slug in groups],
        "api_search": [f"/api/v1/search?q={quote(q)}" for q in SEARCH_QUERIES],
    }


def selected(config, names, with_elasticsearch):
    """`names` as BENCH_TARGETS and the available services allow (the floor is always measured)."""
    wanted = [name for name in names if not config.targets or name in config.targets or name == "floor"]
    return [name for name in wanted if with_elasticsearch or name != "search_es"]


def anonymous(config, built, with_elasticsearch):
    every = paths(built)
    kinds = {"vote": "vote", "encounter": "encounter"}  # staff writing, each at their own organisation
    return [
        {"name": name, "kind": kinds.get(name, "get"), "paths": every.get(name, [])}
        for name in selected(config, ANONYMOUS_TARGETS, with_elasticsearch)
    ]


def logged_in(config, built, with_elasticsearch):
    every = paths(built)
    return [
        {"name": name, "kind": "get", "paths": every[name], "auth": "token" if name.startswith("api_") else "session"}
        for name in selected(config, LOGGED_IN_TARGETS, with_elasticsearch)
        if every[name]
    ]


def query_pages(built, names):
    """{name: one path} for counting SQL queries: the first path of each target."""
    every = paths(built)
    return {name: every[name][0] for name in names if every.get(name)}
