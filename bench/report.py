"""The table, the budgets and var/bench/latest.json."""

import json
import os
import platform
import shutil
from datetime import UTC, datetime

from .config import VAR

FLOOR_RATIO = 0.30
P95_MS = 100
SEARCH_ES_P95_MS = 50
MAX_QUERIES = 12
QUERY_BUDGETED = ("idea_list", "idea_detail")
SUMMARY_KEYS = ("rps", "p50_ms", "p95_ms", "p99_ms")
PAGE_KEYS = (*SUMMARY_KEYS, "errors")


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


def budgets(floor, pages, queries):
    """[(budget, verdict, detail)] — verdict True (PASS), False (FAIL)."""
    results = []
    floor_rps = floor.get("rps") or 0
    for name, row in pages.items():
        if row.get("rps") is None:
            continue
        needed = FLOOR_RATIO * floor_rps
        results.append(
            (f"{name}: ≥ {FLOOR_RATIO:.2f} × floor rps", row["rps"] >= needed, f"{row['rps']} vs {needed:.1f} rps")
        )
        limit = SEARCH_ES_P95_MS if name == "search_es" else P95_MS
        p95 = row.get("p95_ms")
        results.append((f"{name}: p95 ≤ {limit} ms", p95 is not None and p95 <= limit, f"{p95} ms"))
    for name in ("floor", *pages):
        row = floor if name == "floor" else pages[name]
        results.append((f"{name}: 0 errors", row.get("errors", 0) == 0, f"{row.get('errors', 0)} errors"))
    for name in QUERY_BUDGETED:
        if name in queries:
            results.append((f"{name}: ≤ {MAX_QUERIES} SQL queries", queries[name] <= MAX_QUERIES, f"{queries[name]}"))
    return results


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


def write(config, dataset, loads, query_detail, extra_machine, rendered=None):
    floor = {key: loads["floor"].get(key) for key in SUMMARY_KEYS}
    floor_errors = loads["floor"].get("errors", 0)
    pages = {name: {key: row.get(key) for key in PAGE_KEYS} for name, row in loads.items() if name != "floor"}
    queries = {
        name: detail["warm"] for name, detail in query_detail.items() if name in ("idea_detail", "idea_list", "home")
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
        latest["rendered"] = {
            name: {key: row.get(key) for key in (*PAGE_KEYS, "server_cpu_ms")} for name, row in rendered.items()
        }
    VAR.mkdir(parents=True, exist_ok=True)
    path = VAR / "latest.json"
    path.write_text(json.dumps(latest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    shutil.copyfile(path, VAR / f"run-{stamp}.json")

    details = {"loads": loads, "rendered": rendered or {}, "queries": query_detail, "machine": latest["machine"]}
    (VAR / "details.json").write_text(json.dumps(details, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    text = table(loads["floor"], loads_without_floor(loads), query_detail)
    verdicts = budgets({**floor, "errors": floor_errors}, pages, queries)
    failed = [name for name, ok, _detail in verdicts if not ok]
    lines = [
        "",
        f"Idébanken bench · {dataset.get('ideas')} ideas · {dataset.get('votes')} votes · "
        f"{dataset.get('comments')} comments · {dataset.get('database')} · concurrency {config.concurrency} · "
        f"{config.duration:g} s per target after {config.warmup:g} s warm-up",
        f"Server: {latest['machine']['server']} · {latest['machine']['cpus']} CPUs · load average "
        f"{latest['machine'].get('loadavg_before')} before, {latest['machine'].get('loadavg_after')} after",
        "",
        text,
        "",
        "CPU ms: the server processes' CPU time per measured request (PostgreSQL, Redis and Elasticsearch not",
        "included); it moves far less than rps when other work shares the machine.",
        "Queries: per rendered request with warm caches (cold caches in brackets).",
        "",
        *rendered_section(loads["floor"], rendered, query_detail),
        "Budgets:",
        *(f"  {'PASS' if ok else 'FAIL'}  {name}  ({detail})" for name, ok, detail in verdicts),
        "",
        f"{len(verdicts) - len(failed)} of {len(verdicts)} budgets hold"
        + (f"; {len(failed)} FAIL." if failed else "."),
        f"Written to {path.relative_to(VAR.parent.parent)}",
    ]
    for name, row in loads.items():
        if row.get("error_samples"):
            lines.append(f"  {name} error samples: {'; '.join(row['error_samples'])}")
    report = "\n".join(lines)
    (VAR / "latest.txt").write_text(report + "\n", encoding="utf-8")
    print(report, flush=True)
    return latest


def rendered_section(floor, rendered, query_detail):
    if not rendered:
        return []
    return [
        "Page cache off (every request rendered: what logged-in users and the first visitor after a change",
        "get; not judged by the budgets):",
        "",
        table(floor, rendered, query_detail, with_floor=False),
        "",
    ]


def loads_without_floor(loads):
    return {name: row for name, row in loads.items() if name != "floor"}
