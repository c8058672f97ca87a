"""`make bench`: measure the site at 100 000 ideas against a minimal view served by the same server.

`python -m bench` (bench/__main__.py) runs the whole thing: it starts PostgreSQL, Redis and (when it
can) Elasticsearch, builds or reuses the data set (bench/dataset.py, in its own database), serves it
with the production settings and daphne (bench/server.py), drives load from a separate process
(bench/load.py), counts SQL queries per page in yet another process (bench/querycount.py), and prints
the table and budgets and writes var/bench/latest.json (bench/report.py).

A benchmark, never a test: nothing in `make test` imports this package or depends on timing.
"""
