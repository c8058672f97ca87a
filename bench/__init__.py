"""`make bench`: measure the site at 100 000 ideas against a minimal view served by the same server.

`python -m bench` (bench/__main__.py) runs the whole thing: it installs and starts PostgreSQL, Redis and
Elasticsearch, or stops naming what is missing (bench/services.py), builds or reuses the data set
(bench/dataset.py, in its own database), serves it with the production settings and daphne
(bench/server.py), drives load from a separate process (bench/load.py) in an anonymous and a logged-in
pass (bench/targets.py; the staff's API tokens from bench/staff.py), counts SQL queries per page in yet
another process (bench/querycount.py), judges the budgets (bench/budgets.py), and prints the tables and
writes var/bench/latest.json (bench/report.py).

A benchmark, never a test: nothing in `make test` imports this package or depends on timing.
"""
