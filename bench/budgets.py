"""The budgets of `make bench`, judged PASS, FAIL or NOT MEASURED.

The anonymous pass (page cache on): every target ≥ 0.30 × the floor's requests per second, p95 ≤ 100 ms
(search_es ≤ 50 ms), no errors, ≤ 12 SQL queries on the idea list and the idea page. The logged-in pass
(a staff session, a bearer token on the API): every target ≥ 0.25 × the floor (search_es ≥ 0.20 ×), p95 ≤ 150
ms, ≤ 8 ms of server CPU per request (search_es excepted), no errors, and ≤ 300 MB peak RSS per server
process. The signed-in vote (≥ 0.30 × the floor) is measured and judged in the anonymous pass.

A budget the run could not speak for — a service missing (BENCH_ALLOW_MISSING=1 or BENCH_ELASTICSEARCH=0) —
is NOT MEASURED, never PASS.
"""

from dataclasses import dataclass

MAX_QUERIES = 12
QUERY_BUDGETED = ("idea_list", "idea_detail")
MAX_RSS_MB = 300
# Search through Elasticsearch: without it these targets are skipped, or served by the database backend.
ELASTICSEARCH_TARGETS = {"anonymous": ("search_es",), "logged_in": ("search_es", "api_search")}
VERDICTS = {True: "PASS", False: "FAIL", None: "NOT MEASURED"}


@dataclass(frozen=True)
class Rules:
    ratio: float
    search_es_ratio: float
    p95_ms: float
    search_es_p95_ms: float
    cpu_ms: float | None = None  # per request, search_es excepted


ANONYMOUS = Rules(ratio=0.30, search_es_ratio=0.30, p95_ms=100, search_es_p95_ms=50)
LOGGED_IN = Rules(ratio=0.25, search_es_ratio=0.20, p95_ms=150, search_es_p95_ms=150, cpu_ms=8)


@dataclass
class Budget:
    pass_name: str
    name: str
    verdict: bool | None
    detail: str

    @property
    def label(self):
        return VERDICTS[self.verdict]

    def as_json(self):
        return {"pass": self.pass_name, "budget": self.name, "verdict": self.label, "detail": self.detail}


def unmeasured(services, wanted_targets):
    """{target or "*": why its budgets are NOT MEASURED} for the services a run lacked."""
    if not services.get("postgresql"):
        return {"*": "SQLite and one server process, not PostgreSQL"}
    if not services.get("redis"):
        return {"*": "no Redis: page cache off, sessions and caches per process"}
    if not services.get("elasticsearch"):
        names = {name for names in ELASTICSEARCH_TARGETS.values() for name in names}
        return {name: "no Elasticsearch" for name in names if not wanted_targets or name in wanted_targets}
    return {}


def targets(pass_name, rules, floor_rps, rows, reasons):
    """The rate, p95, CPU and error budgets of each row; rows lacking for a missing service are NOT MEASURED."""
    missing = [name for name in ELASTICSEARCH_TARGETS.get(pass_name, ()) if name in reasons and name not in rows]
    results = []
    for name, row in [*rows.items(), *((name, {}) for name in missing)]:
        reason = reasons.get(name) or reasons.get("*")

        def add(budget, ok, detail, name=name, reason=reason, ran=bool(row)):
            detail = detail if ran else "not run"
            results.append(
                Budget(
                    pass_name, f"{name}: {budget}", None if reason else ok, f"{detail}; {reason}" if reason else detail
                )
            )

        search_es = name == "search_es"
        ratio = rules.search_es_ratio if search_es else rules.ratio
        needed = ratio * floor_rps
        rps = row.get("rps")
        add(f"≥ {ratio:.2f} × floor rps", rps is not None and rps >= needed, f"{rps} vs {needed:.1f} rps")
        limit = rules.search_es_p95_ms if search_es else rules.p95_ms
        p95 = row.get("p95_ms")
        add(f"p95 ≤ {limit:g} ms", p95 is not None and p95 <= limit, milliseconds(p95))
        if rules.cpu_ms is not None and not search_es:
            cpu = row.get("server_cpu_ms")
            add(f"≤ {rules.cpu_ms:g} ms server CPU", cpu is not None and cpu <= rules.cpu_ms, milliseconds(cpu))
        if row:
            add("0 errors", row.get("errors", 0) == 0, f"{row.get('errors', 0)} errors")
    return results


def milliseconds(value):
    return "no request finished within the measured time" if value is None else f"{value} ms"


def anonymous(floor, pages, queries, reasons):
    everything = reasons.get("*")
    results = targets("anonymous", ANONYMOUS, floor.get("rps") or 0, pages, reasons)
    errors = floor.get("errors", 0)
    results.insert(0, Budget("anonymous", "floor: 0 errors", None if everything else errors == 0, f"{errors} errors"))
    for name in QUERY_BUDGETED:
        if name in queries:
            ok = None if everything else queries[name] <= MAX_QUERIES
            results.append(Budget("anonymous", f"{name}: ≤ {MAX_QUERIES} SQL queries", ok, f"{queries[name]}"))
    return results


def logged_in(floor, rows, peak_rss_mb, reasons):
    results = targets("logged_in", LOGGED_IN, floor.get("rps") or 0, rows, reasons)
    peaks = [mb for server in peak_rss_mb.values() for mb in server]
    if peaks:
        known = [mb for mb in peaks if mb is not None]
        ok = None if reasons.get("*") or len(known) < len(peaks) else max(known) <= MAX_RSS_MB
        detail = ", ".join("–" if mb is None else f"{mb:.0f}" for mb in peaks) + " MB"
        results.append(Budget("logged_in", f"server processes: peak RSS ≤ {MAX_RSS_MB} MB each", ok, detail))
    return results
