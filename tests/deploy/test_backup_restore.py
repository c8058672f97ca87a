"""The restore drill from the README: dump, drop, restore, the idea is still there, reindex."""

import json
import subprocess
import urllib.request

from .site import step
from .stack import POSTGRES_PORT, VAR


def test_dump_drop_restore_reindex(elasticsearch, stack, author):
    idea_id, title = author.new_idea()
    dump = VAR / "ideabank.dump"
    password = stack.database_url.split(":")[2].split("@")[0]
    env = {"PGPASSWORD": password, "PATH": "/usr/bin:/bin"}
    connection = ["-h", "127.0.0.1", "-p", str(POSTGRES_PORT), "-U", "ideabank"]

    subprocess.run(
        [stack.pg_bin("pg_dump"), *connection, "-Fc", "-f", str(dump), "ideabank"], check=True, env=env, timeout=120
    )  # noqa: S603
    step(f"pg_dump: {dump.stat().st_size} bytes", str(dump))
    stack.psql("postgres", "DROP DATABASE ideabank WITH (FORCE)")
    assert author.get(f"/ideer/{idea_id}/").status_code == 503  # the database is gone: a clean 503
    stack.psql("postgres", "CREATE DATABASE ideabank")
    subprocess.run(  # noqa: S603
        [stack.pg_bin("pg_restore"), *connection, "--no-owner", "-d", "ideabank", str(dump)],
        check=True,
        env=env,
        timeout=180,
    )
    step("restored", author.url(f"/ideer/{idea_id}/"))

    page = author.get(f"/ideer/{idea_id}/")
    assert page.status_code == 200
    assert title in page.text

    stack.manage("search_reindex")
    with urllib.request.urlopen(f"{stack.nodes['es-1'].url}/prodcheck-ideas/_doc/{idea_id}", timeout=5) as answer:  # noqa: S310
        assert json.load(answer)["_source"]["title"] == title
    step("reindexed; Elasticsearch has the idea", author.url(f"/soeg/?q={title.split()[1]}"))
