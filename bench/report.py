"""The table, the budgets and var/bench/latest.json."""

import json
import os
import platform
import shutil
from datetime import UTC, datetime

from . import budgets
from .budgets import VERDICTS
from .config import VAR
from .services import SERVICE_NAMES

SUMMARY_KEYS = ("rps", "p50_ms", "p95_ms", "p99_ms")
PAGE_KEYS = (*SUMMARY_KEYS, "errors")
ROW_KEYS = (*PAGE_KEYS, "server_cpu_ms")


def machine(config, extra):
    memory = None
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            kilobytes = int(next(line for line in handle if line.startswith("MemTotal")).split()[1])
        memory = round(kilobytes / 1024 / 1024, 1)
    except (OSError, StopIteration, ValueError):
        pass
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), cpu)
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu,
        "memory_gb": memory,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "server": f"daphne × {config.workers} processes (production settings)",
        "load_generator": "asyncio + aiohttp, separate process",
        "concurrency": config.concurrency,
        "warmup_s": config.warmup,
        "duration_s": config.duration,
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        **extra,
    }


def table(floor, pages, query_detail, with_floor=True):
    floor_rps = floor.get("rps") or 0
    lines = [
        f"{'target':<12} {'rps':>8} {'× floor':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} "
        f"{'CPU ms':>7} {'queries':>8}",
    ]
    rows = [("floor", floor), *pages.items()] if with_floor else list(pages.items())
    for name, row in rows:
        ratio = f"{row['rps'] / floor_rps:.2f}" if floor_rps and row.get("rps") is not None else "–"
        queries = query_detail.get(name, {})
        counted = f"{queries['warm']}" if queries else ""
        if queries and queries["cold"] != queries["warm"]:
            counted += f" ({queries['cold']} cold)"
        lines.append(
            f"{name:<12} {fmt(row.get('rps')):>8} {ratio:>8} {fmt(row.get('p50_ms')):>8} {fmt(row.get('p95_ms')):>8} "
            f"{fmt(row.get('p99_ms')):>8} {row.get('errors', 0):>7} {fmt(row.get('server_cpu_ms')):>7} {counted:>8}"
        )
    return "\n".join(lines)


def fmt(value):
    return "–" if value is None else f"{value:.1f}"


def rows(loads, queries=None):
    """The summary of each target, in latest.json's form (with its warm SQL query count when counted)."""
    queries = queries or {}
    result = {}
    for name, row in loads.items():
        result[name] = {key: row.get(key) for key in ROW_KEYS}
        if name in queries:
            result[name]["queries"] = queries[name]["warm"]
    return result


def write(config, dataset, measured, extra_machine):
    """measured: {"loads", "rendered", "logged_in", "queries": {pass: detail}, "peak_rss_mb", "unmeasured"}."""
    loads, rendered, signed_in = measured["loads"], measured.get("rendered") or {}, measured.get("logged_in") or {}
    query_detail = measured["queries"]
    reasons = measured["unmeasured"]
    floor = {key: loads["floor"].get(key) for key in SUMMARY_KEYS}
    floor_errors = loads["floor"].get("errors", 0)
    pages = {name: {key: row.get(key) for key in PAGE_KEYS} for name, row in loads_without_floor(loads).items()}
    anonymous_queries = query_detail.get("anonymous", {})
    queries = {
        name: detail["warm"]
        for name, detail in anonymous_queries.items()
        if name in ("idea_detail", "idea_list", "home")
    }
    latest = {
        "dataset": dataset,
        "floor": floor,
        "pages": pages,
        "queries": queries,
        "machine": machine(config, extra_machine),
    }
    if rendered:
        # Not judged by the budgets: the page cache is part of the site as deployed.
        latest["rendered"] = rows(rendered)
    if signed_in:
        latest["logged_in"] = rows(signed_in, query_detail.get("logged_in"))
    if measured.get("logged_in_rendered"):
        # Not judged either: shared pages are part of the site as deployed.
        latest["logged_in_rendered"] = rows(measured["logged_in_rendered"], query_detail.get("logged_in"))
    latest["peak_rss_mb"] = measured.get("peak_rss_mb", {})
    verdicts = budgets.anonymous({**floor, "errors": floor_errors}, pages, queries, reasons)
    if signed_in:
        logged_in_rss = measured.get("peak_rss_mb", {}).get("logged_in", {})
        verdicts += budgets.logged_in(floor, latest["logged_in"], logged_in_rss, reasons)
    latest["budgets"] = [verdict.as_json() for verdict in verdicts]
    VAR.mkdir(parents=True, exist_ok=True)
    path = VAR / "latest.json"
    path.write_text(json.dumps(latest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    shutil.copyfile(path, VAR / f"run-{stamp}.json")

    details = {
        "loads": loads,
        "rendered": rendered,
        "logged_in": signed_in,
        "logged_in_rendered": measured.get("logged_in_rendered") or {},
        "queries": query_detail,
        "machine": latest["machine"],
    }
    (VAR / "details.json").write_text(json.dumps(details, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    counts = {label: sum(1 for verdict in verdicts if verdict.verdict is value) for value, label in VERDICTS.items()}
    lines = [
        "",
        *stack_warning(latest["machine"].get("services", {})),
        f"Idébanken bench · {dataset.get('ideas')} ideas · {dataset.get('votes')} votes · "
        f"{dataset.get('comments')} comments · {dataset.get('database')} · concurrency {config.concurrency} · "
        f"{config.duration:g} s per target after {config.warmup:g} s warm-up",
        f"Server: {latest['machine']['server']} · {latest['machine']['cpus']} CPUs · load average "
        f"{latest['machine'].get('loadavg_before')} before, {latest['machine'].get('loadavg_after')} after",
        "",
        "Anonymous (page cache on; vote and encounter signed in):",
        "",
        table(loads["floor"], loads_without_floor(loads), anonymous_queries),
        "",
        "CPU ms: the server processes' CPU time per measured request (PostgreSQL, Redis and Elasticsearch not",
        "included); it moves far less than rps when other work shares the machine.",
        "Queries: per rendered request with warm caches (cold caches in brackets).",
        "",
        *rendered_section(loads["floor"], rendered, anonymous_queries),
        *logged_in_section(loads["floor"], signed_in, query_detail.get("logged_in", {}), measured),
        *rendered_section(
            loads["floor"],
            measured.get("logged_in_rendered") or {},
            query_detail.get("logged_in", {}),
            "Logged in, page cache off (no shared pages: the first colleague after a write, and an idea's author "
            "and commenters; not judged by the budgets):",
        ),
        *budget_lines(verdicts),
        f"{counts['PASS']} of {len(verdicts)} budgets hold"
        + (f"; {counts['FAIL']} FAIL" if counts["FAIL"] else "")
        + (f"; {counts['NOT MEASURED']} NOT MEASURED" if counts["NOT MEASURED"] else "")
        + ".",
        f"Written to {path.relative_to(VAR.parent.parent)}",
    ]
    for label, group in (("", loads), ("logged-in ", signed_in)):
        for name, row in group.items():
            if row.get("error_samples"):
                lines.append(f"  {label}{name} error samples (warm-up included): {'; '.join(row['error_samples'])}")
    report = "\n".join(lines)
    (VAR / "latest.txt").write_text(report + "\n", encoding="utf-8")
    print(report, flush=True)
    return latest


def budget_lines(verdicts):
    titles = {
        "anonymous": "Budgets, anonymous pass:",
        "logged_in": "Budgets, logged-in pass (the signed-in vote is judged with the anonymous pass):",
    }
    lines = []
    for pass_name, title in titles.items():
        chosen = [verdict for verdict in verdicts if verdict.pass_name == pass_name]
        if chosen:
            lines += [title, *(f"  {v.label:<12}  {v.name}  ({v.detail})" for v in chosen), ""]
    return lines


def stack_warning(services):
    missing = [SERVICE_NAMES[name] for name, used in services.items() if not used]
    if not missing:
        return []
    return [
        "!" * 100,
        f"!!! NOT THE FULL STACK: measured without {', '.join(missing)}. The budgets this affects are NOT MEASURED.",
        "!" * 100,
        "",
    ]


RENDERED_TITLE = "Page cache off (every request rendered: the first visitor after a change; not judged by the budgets):"


def rendered_section(floor, rendered, query_detail, title=RENDERED_TITLE):
    if not rendered:
        return []
    return [
        title,
        "",
        table(floor, rendered, query_detail, with_floor=False),
        "",
    ]


def logged_in_section(floor, signed_in, query_detail, measured):
    if not signed_in:
        return []
    peaks = measured.get("peak_rss_mb", {}).get("logged_in", {})
    return [
        "Logged in (a staff session on the pages, a bearer token on the API; each connection its own staff member):",
        "",
        table(floor, signed_in, query_detail, with_floor=False),
        "",
        "Peak RSS per server process: "
        + "; ".join(f"{server} {', '.join(fmt(mb) for mb in mbs)} MB" for server, mbs in peaks.items()),
        "  after each target (the largest process, in MB): "
        + ", ".join(f"{name} {fmt(largest(row.get('server_peak_rss_mb')))}" for name, row in signed_in.items()),
        "",
    ]


def largest(values):
    known = [value for value in values or [] if value is not None]
    return max(known) if known else None


def loads_without_floor(loads):
    return {name: row for name, row in loads.items() if name != "floor"}
