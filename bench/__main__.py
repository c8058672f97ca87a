"""`make bench` → `python -m bench`: services, data set, staff tokens, query counts, the anonymous, rendered
and logged-in passes against the served site, report.

Stops before measuring when a service is missing (bench/services.py). Always exits 0 once it has measured:
it is a measurement, and the budgets are printed PASS/FAIL/NOT MEASURED.
"""

import json
import subprocess
import sys
import time

from . import pyspy, report, services, targets
from .budgets import unmeasured
from .config import PYTHON, ROOT, VAR, Config, django_env
from .server import Server
from .services import log


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


def load(config, server, target_list, built, label):
    if not config.profile:
        return load_once(config, server, target_list, built, label)
    results = {}
    for target in target_list:
        signing_in = config.voters if target["kind"] in targets.SIGNED_IN_TARGETS else 0
        signing_in += config.staff if target.get("auth") == "session" else 0
        logins = signing_in * 0.35 / config.workers
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
        "staff": built.get("staff", []),
        "tokens": built.get("tokens", {}),
        "server_pids": server.pids,
    }
    plan_path, result_path = VAR / f"load-plan-{label}.json", VAR / f"load-result-{label}.json"
    plan_path.write_text(json.dumps(plan), encoding="utf-8")
    run([PYTHON, "-m", "bench.load", str(plan_path), str(result_path)], env=None)
    return json.loads(result_path.read_text(encoding="utf-8"))


def count_queries(main_env, database_env, built, logged_in_names):
    """SQL queries per rendered request, {"anonymous": …, "logged_in": …}: search_db on the configuration
    without Elasticsearch, the rest on the main one (a process each)."""
    with_elasticsearch = bool(main_env.get("ELASTICSEARCH_URL"))
    anonymous = ["home", "idea_list", "idea_detail", "api_ideas", "search_db"] + ["search_es"] * with_elasticsearch
    on_database = set(targets.DATABASE_SEARCH_TARGETS) if with_elasticsearch else set()
    counted = {"anonymous": {}, "logged_in": {}}
    for env, label, here in ((main_env, "main", False), (database_env, "database", True)):
        plan = {"anonymous": targets.query_pages(built, [n for n in anonymous if (n in on_database) == here])}
        signed_in = targets.query_pages(built, [n for n in logged_in_names if (n in on_database) == here])
        if signed_in:
            email = built["staff"][0]
            plan["logged_in"] = {"email": email, "token": built["tokens"][email], "pages": signed_in}
        if not plan["anonymous"] and not signed_in:
            continue
        plan_path, result_path = VAR / f"queries-plan-{label}.json", VAR / f"queries-{label}.json"
        plan_path.write_text(json.dumps(plan), encoding="utf-8")
        # Queries are the rendering's: with the page cache on, a repeated request would need none.
        run([PYTHON, "-m", "bench.querycount", str(plan_path), str(result_path)], without_page_cache(env))
        for section, result in json.loads(result_path.read_text(encoding="utf-8")).items():
            counted[section].update(result)
    return counted


def issue_tokens(env, emails):
    """{email: bearer token} for the logged-in pass's staff (bench/staff.py)."""
    plan_path, result_path = VAR / "staff-plan.json", VAR / "staff-tokens.json"
    plan_path.write_text(json.dumps({"emails": emails}), encoding="utf-8")
    run([PYTHON, "-m", "bench.staff", str(plan_path), str(result_path)], env)
    return json.loads(result_path.read_text(encoding="utf-8"))


def without_page_cache(env):
    return {**env, "IDEABANK_PAGE_CACHE_SECONDS": "0"}


def serve_and_load(config, env, database_env, target_list, built, label):
    """Load `target_list` on the site as `env` configures it; search_db on a second configuration of the
    same server without ELASTICSEARCH_URL, since the site picks its search backend from the settings.
    Returns the loads and each server's peak RSS per process, read just before it stops."""
    with_elasticsearch = env.get("ELASTICSEARCH_URL")
    on_database = {name for name in targets.DATABASE_SEARCH_TARGETS if with_elasticsearch}
    first = [t for t in target_list if t["name"] not in on_database]
    second = [t for t in target_list if t["name"] in on_database]
    loads, peaks = {}, {}
    for server_env, chosen, server_label in ((env, first, label), (database_env, second, f"{label}-database-search")):
        if not chosen:
            continue
        with Server(server_env, config.port, config.workers, server_label) as server:
            loads.update(load(config, server, chosen, built, server_label))
            peaks[server_label] = server.peak_rss_mb()
    order = [t["name"] for t in target_list]
    return {name: loads[name] for name in order if name in loads}, peaks


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

    stack = services.stack(config)
    es_url = stack.elasticsearch_url
    main_env = django_env(config, stack.database_url, stack.redis_url, es_url)
    database_env = django_env(config, stack.database_url, stack.redis_url, "")

    began = time.monotonic()
    built = build_dataset(config, main_env, stack.database_url)
    dataset_seconds = time.monotonic() - began
    log(f"Data set ready in {dataset_seconds:.0f} s (built in {built['dataset']['build_seconds']} s)")
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], main_env)

    signed_in_list = targets.logged_in(config, built, bool(es_url)) if config.logged_in else []
    if signed_in_list:
        # The voters are staff with the data set's password: each worker logs in as one of the last ones.
        built["staff"] = built["voters"][-config.staff :]
        built["tokens"] = issue_tokens(main_env, built["staff"])
    query_detail = count_queries(main_env, database_env, built, [t["name"] for t in signed_in_list])

    measured = {"queries": query_detail, "peak_rss_mb": {}}
    anonymous_list = targets.anonymous(config, built, bool(es_url))
    measured["loads"], measured["peak_rss_mb"]["anonymous"] = serve_and_load(
        config, main_env, database_env, anonymous_list, built, "main"
    )
    if config.rendered:
        log("Again with the page cache off: every request rendered")
        again = [t for t in anonymous_list if t["name"] in targets.RENDERED_TARGETS]
        measured["rendered"], measured["peak_rss_mb"]["rendered"] = serve_and_load(
            config, without_page_cache(main_env), without_page_cache(database_env), again, built, "rendered"
        )
    if signed_in_list:
        log(f"Logged in: {len(built['staff'])} staff, a session on the pages and a bearer token on the API")
        measured["logged_in"], measured["peak_rss_mb"]["logged_in"] = serve_and_load(
            config, main_env, database_env, signed_in_list, built, "logged-in"
        )
        if config.rendered:
            # What the first colleague after a write waits for (and an idea's author and commenters always).
            log("Logged in again with the page cache off: no shared pages, every request rendered")
            measured["logged_in_rendered"], measured["peak_rss_mb"]["logged_in_rendered"] = serve_and_load(
                config,
                without_page_cache(main_env),
                without_page_cache(database_env),
                signed_in_list,
                built,
                "logged-in-rendered",
            )
    measured["unmeasured"] = unmeasured(stack.used, config.targets)

    extra = {
        "database": built["dataset"]["database"],
        "elasticsearch": services.elasticsearch_version(es_url) if es_url else None,
        "redis": bool(stack.redis_url),
        "services": stack.used,
        "loadavg_before": load_before,
        "loadavg_after": loadavg(),
        "bench_seconds": round(time.monotonic() - started, 1),
    }
    report.write(config, built["dataset"], measured, extra)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
