"""`make bench` → `python -m bench`: services, data set, query counts, load against the served site, report.

Always exits 0 once it has measured: it is a measurement, and the budgets are printed PASS/FAIL.
"""

import json
import subprocess
import sys
import time
from urllib.parse import quote

from . import pyspy, report, services
from .config import PYTHON, ROOT, VAR, Config, django_env
from .server import Server
from .services import log

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
ALL_TARGETS = (
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


def run(command, env, capture=False):
    """A step in a child process; its output is shown as it comes (or returned with `capture`)."""
    if capture:
        result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=False)  # noqa: S603
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
        return result.stdout
    result = subprocess.run(command, env=env, cwd=ROOT, check=False)  # noqa: S603
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with exit code {result.returncode}")
    return ""


def build_dataset(config, env, database_url):
    """Reuse the data set when its markers say so; otherwise top it up, or start over when a step changed."""
    command = [PYTHON, "-m", "bench.dataset", "--ideas", str(config.ideas)]
    status = json.loads(run([*command, "--status"], env, capture=True).strip().splitlines()[-1])
    if status["stale"]:
        log(f"The data set is stale ({status['stale']}); starting from an empty database")
        if database_url.startswith("postgres"):
            services.drop_database(config)
        else:
            (VAR / f"{config.database_name}.sqlite3").unlink(missing_ok=True)
    output = VAR / "dataset.json"
    run([*command, "--output", str(output)], env)
    return json.loads(output.read_text(encoding="utf-8"))


def targets(config, built, with_elasticsearch):
    groups = built["target_groups"]
    searches = [f"/soeg/?q={quote(q)}" for q in SEARCH_QUERIES]
    every = {
        "floor": {"kind": "get", "paths": ["/_floor/"]},
        "home": {"kind": "get", "paths": ["/"]},
        "idea_list": {"kind": "get", "paths": [f"/ideer/?target_group={slug}" for slug in groups]},
        "idea_detail": {"kind": "get", "paths": [f"/ideer/{built['showcase_idea']}/"]},
        "search_db": {"kind": "get", "paths": searches},
        "search_es": {"kind": "get", "paths": searches},
        "vote": {"kind": "vote"},
        # Staff registering a meeting's answer through the API (session + CSRF), each at their own organisation.
        "encounter": {"kind": "encounter"},
        "api_ideas": {"kind": "get", "paths": [f"/api/v1/ideas?target_group={slug}" for slug in groups]},
    }
    wanted = [name for name in ALL_TARGETS if not config.targets or name in config.targets or name == "floor"]
    if not with_elasticsearch:
        wanted = [name for name in wanted if name != "search_es"]
    return [{"name": name, **every[name]} for name in wanted]


def load(config, server, target_list, built, label):
    if not config.profile:
        return load_once(config, server, target_list, built, label)
    results = {}
    for target in target_list:
        logins = config.voters * 0.35 / config.workers if target["kind"] in SIGNED_IN_TARGETS else 0
        recorders = pyspy.start(server.pids, target["name"], logins + config.warmup + config.duration + 2)
        results.update(load_once(config, server, [target], built, f"{label}-{target['name']}"))
        pyspy.finish(recorders, target["name"])
    return results


def load_once(config, server, target_list, built, label):
    plan = {
        "base_url": server.base_url,
        "concurrency": config.concurrency,
        "warmup": config.warmup,
        "duration": config.duration,
        "targets": target_list,
        "voters": built["voters"][: config.voters],
        "vote_ideas": built["vote_ideas"],
        "encounter_adoptions": built.get("encounter_adoptions", {}),
        "password": built["password"],
        "server_pids": server.pids,
    }
    plan_path, result_path = VAR / f"load-plan-{label}.json", VAR / f"load-result-{label}.json"
    plan_path.write_text(json.dumps(plan), encoding="utf-8")
    run([PYTHON, "-m", "bench.load", str(plan_path), str(result_path)], env=None)
    return json.loads(result_path.read_text(encoding="utf-8"))


def count_queries(env, built):
    pages = {
        "home": "/",
        "idea_list": f"/ideer/?target_group={built['target_groups'][0]}",
        "idea_detail": f"/ideer/{built['showcase_idea']}/",
        "api_ideas": f"/api/v1/ideas?target_group={built['target_groups'][0]}",
        "search": f"/soeg/?q={quote(SEARCH_QUERIES[0])}",
    }
    plan_path, result_path = VAR / "queries-plan.json", VAR / "queries.json"
    plan_path.write_text(json.dumps({"pages": pages}), encoding="utf-8")
    # Queries are the rendering's: with the page cache on, a repeated request would need none.
    run([PYTHON, "-m", "bench.querycount", str(plan_path), str(result_path)], without_page_cache(env))
    return json.loads(result_path.read_text(encoding="utf-8"))


def without_page_cache(env):
    return {**env, "IDEABANK_PAGE_CACHE_SECONDS": "0"}


def serve_and_load(config, env, database_env, target_list, built, label):
    """Load `target_list` on the site as `env` configures it; search_db on a second configuration of the
    same server without ELASTICSEARCH_URL, since the site picks its search backend from the settings."""
    with_elasticsearch = env.get("ELASTICSEARCH_URL")
    first = [t for t in target_list if t["name"] != "search_db" or not with_elasticsearch]
    second = [t for t in target_list if t["name"] == "search_db" and with_elasticsearch]
    loads = {}
    with Server(env, config.port, config.workers, label) as server:
        loads.update(load(config, server, first, built, label))
    if second:
        with Server(database_env, config.port, config.workers, f"{label}-database-search") as server:
            loads.update(load(config, server, second, built, f"{label}-db"))
    return {name: loads[name] for name in ALL_TARGETS if name in loads}


def loadavg():
    """The machine's load averages (1, 5, 15 min): other work during a run makes its figures noisy."""
    try:
        with open("/proc/loadavg", encoding="utf-8") as handle:
            return [float(value) for value in handle.read().split()[:3]]
    except OSError:
        return None


def main():
    config = Config()
    VAR.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    load_before = loadavg()

    database_url = services.postgres(config)
    if database_url is None:
        database_url = config.sqlite_url
        # SQLite takes one writer at a time: a second server process would only add "database is locked".
        config.workers = 1
        log(f"PostgreSQL could not be started: using SQLite ({database_url}) and one server process")
    redis_url = services.redis(config) or ""
    if not redis_url:
        log("Redis unavailable: each server process gets its own local-memory cache")
    es_url = services.elasticsearch(config) or ""
    main_env = django_env(config, database_url, redis_url, es_url)
    database_env = django_env(config, database_url, redis_url, "")

    began = time.monotonic()
    built = build_dataset(config, main_env, database_url)
    dataset_seconds = time.monotonic() - began
    log(f"Data set ready in {dataset_seconds:.0f} s (built in {built['dataset']['build_seconds']} s)")
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], main_env)

    query_detail = count_queries(main_env, built)
    if es_url:
        query_detail["search_es"] = query_detail.pop("search")
    else:
        query_detail["search_db"] = query_detail.pop("search")

    target_list = targets(config, built, bool(es_url))
    ordered = serve_and_load(config, main_env, database_env, target_list, built, "main")
    rendered = {}
    if config.rendered:
        log("Again with the page cache off: every request rendered")
        again = [t for t in target_list if t["name"] in RENDERED_TARGETS]
        rendered = serve_and_load(
            config, without_page_cache(main_env), without_page_cache(database_env), again, built, "rendered"
        )

    extra = {
        "database": built["dataset"]["database"],
        "elasticsearch": services.elasticsearch_version(es_url) if es_url else None,
        "redis": bool(redis_url),
        "loadavg_before": load_before,
        "loadavg_after": loadavg(),
        "bench_seconds": round(time.monotonic() - started, 1),
    }
    report.write(config, built["dataset"], ordered, query_detail, extra, rendered)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
