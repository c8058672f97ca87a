"""Where a page spends its time: `python -m bench.profile PATH [PATH …] [--requests N] [--html DIR]`.

Runs in the bench's Django environment (same settings and database as the served site; e.g.
`make bench-profile PAGES="/ideer/?target_group=hjemloese"`), sends each path N times through
Django's test client and prints wall and CPU milliseconds per request and the SQL time, then a
pyinstrument profile of the same requests. CPU time per request is the figure to compare: unlike
throughput it hardly moves when other work shares the machine.
"""

import sys
import time

import django


def measure(client, path, requests):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm: caches, templates, connections
    wall = cpu = sql = 0.0
    queries = 0
    for _ in range(requests):
        with CaptureQueriesContext(connection) as captured:
            w0, c0 = time.perf_counter(), time.process_time()
            response = client.get(path)
            wall += time.perf_counter() - w0
            cpu += time.process_time() - c0
        assert response.status_code == 200, (path, response.status_code)  # noqa: S101 - a tool, not a test
        sql += sum(float(q["time"]) for q in captured.captured_queries)
        queries += len(captured.captured_queries)
    n = requests
    return {"wall_ms": wall / n * 1000, "cpu_ms": cpu / n * 1000, "sql_ms": sql / n * 1000, "queries": queries / n}


def main(argv):
    django.setup()
    from django.test import Client
    from pyinstrument import Profiler

    requests = int(argv[argv.index("--requests") + 1]) if "--requests" in argv else 20
    html = argv[argv.index("--html") + 1] if "--html" in argv else None
    paths = [a for i, a in enumerate(argv) if a.startswith("/") and (i == 0 or argv[i - 1] not in ("--html",))]
    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    for path in paths:
        row = measure(client, path, requests)
        print(
            f"{path}: wall {row['wall_ms']:.1f} ms · CPU {row['cpu_ms']:.1f} ms · SQL {row['sql_ms']:.1f} ms "
            f"in {row['queries']:.0f} queries (mean of {requests})"
        )
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(requests):
            client.get(path)
        profiler.stop()
        if html:
            from pathlib import Path

            name = "".join(c if c.isalnum() else "_" for c in path).strip("_") or "root"
            target = Path(html) / f"{name}.html"
            target.write_text(profiler.output_html(), encoding="utf-8")
            print(f"  profile: {target}")
        else:
            print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main(sys.argv[1:])
