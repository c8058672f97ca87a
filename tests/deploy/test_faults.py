"""Fault drills against the running layout: a service fails, nothing is lost, and it heals by itself."""

import json
import signal
import threading
import time
import urllib.request

import pytest

from .site import Visitor, step
from .stack import REDIS_PORT

FALLBACK_NOTICE = "Søgningen kører i en enklere udgave"
LOAD_REQUEST_TIMEOUT = 15


def es(stack, path, node=None):
    node = node or next(n for n in stack.nodes.values() if n.answers())
    with urllib.request.urlopen(node.url + path, timeout=10) as answer:  # noqa: S310 - loopback
        return json.load(answer)


def wait_until(what, test, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = test()
        if result:
            return result
        time.sleep(0.5)
    raise AssertionError(f"{what}: not within {timeout} s")


# ---- Elasticsearch ----------------------------------------------------------------------------------


def test_one_node_of_two_stopped_search_answers_from_the_replica(elasticsearch, stack, author):
    """The node is left stopped: the next drill stops the other one too and starts both together (a node boots
    in a minute or two on a busy machine); tests that need the whole cluster ask for it (`elasticsearch`)."""
    idea_id, title = author.new_idea()
    word = title.split()[1]
    wait_until("the idea is searchable", lambda: f"/ideer/{idea_id}/" in author.search(word).text)
    stack.wait_for_elasticsearch(status="green")  # the replica is in place
    index = next(iter(es(stack, "/prodcheck-ideas/_alias")))
    primary = next(shard["node"] for shard in es(stack, f"/_cat/shards/{index}?format=json") if shard["prirep"] == "p")
    stack.nodes[primary].stop()
    step(f"stopped {primary}, which held the primary of {index}", stack.nodes[primary].url)
    found = author.search(word)
    step(f"search with one node: {found.status_code}", found.url)
    assert found.status_code == 200
    assert f"/ideer/{idea_id}/" in found.text
    assert FALLBACK_NOTICE not in found.text  # answered by Elasticsearch, not the database


def test_elasticsearch_down_writes_succeed_and_the_index_catches_up(stack, author):
    edited_id, _title = author.new_idea()
    for node in stack.nodes.values():
        node.stop()
    step("stopped both Elasticsearch nodes", ", ".join(n.url for n in stack.nodes.values()))
    try:
        new_id, new_title = author.new_idea()
        new_title_edited = f"Rettet {new_title}"
        assert author.edit_idea(edited_id, new_title_edited).status_code == 302
        step(f"posted idea {new_id} and edited idea {edited_id} without Elasticsearch", author.url("/ideer/ny/"))

        word = new_title.split()[1]
        found = wait_until(
            "the database answers", lambda: (r := author.search(word)) and f"/ideer/{new_id}/" in r.text and r
        )
        step("search fell back to the database with a notice", found.url)
        assert FALLBACK_NOTICE in found.text
    finally:
        stack.start_elasticsearch()
    unit = stack.manage(*timer_command("ideabank-search-pending.service"))
    step(
        f"search_reindex --pending after the nodes came back: {unit.stdout.strip()}",
        "manage.py search_reindex --pending",
    )

    es(stack, "/prodcheck-ideas/_refresh")
    indexed = {
        int(hit["_id"]): hit["_source"]["title"]
        for hit in es(stack, "/prodcheck-ideas/_search?size=10000&_source=title")["hits"]["hits"]
    }
    rows = stack.psql("ideabank", "SELECT id, title FROM ideas_idea WHERE status IN ('published', 'archived')")
    in_database = {int(i): title for i, title in (row.split("|", 1) for row in rows.splitlines())}
    assert indexed == in_database
    assert indexed[edited_id] == new_title_edited
    found = wait_until(
        "Elasticsearch answers again", lambda: (r := author.search(word)) and FALLBACK_NOTICE not in r.text and r
    )
    assert f"/ideer/{new_id}/" in found.text


def timer_command(unit):
    from .stack import unit_command

    command = unit_command(unit)
    return command[command.index("manage.py") + 1 :]


# ---- Redis ------------------------------------------------------------------------------------------


def page_cache_keys():
    import redis

    return redis.Redis(port=REDIS_PORT, socket_connect_timeout=2, socket_timeout=2).keys("*pagecache:*")


def test_redis_down_pages_and_writes_work_and_live_updates_come_back(stack, author, voter, anonymous):
    redis = stack.processes["redis"]
    redis.stop()
    step("stopped Redis", f"redis://127.0.0.1:{REDIS_PORT}")
    try:
        for path in ("/", "/ideer/", "/soeg/?q=morgenmøder", "/udbredelse/"):
            assert anonymous.get(path).status_code == 200, path
        idea_id, _title = author.new_idea()
        assert voter.vote(idea_id).status_code == 302
        assert voter.comment(idea_id, "Det prøver vi også.").status_code == 302
        assert anonymous.get(f"/ideer/{idea_id}/").status_code == 200
        count = stack.psql("ideabank", f"SELECT vote_count FROM ideas_idea WHERE id = {idea_id}")
        assert count == "1"
        step(f"pages, an idea, a vote and a comment without Redis (idea {idea_id})", author.url(f"/ideer/{idea_id}/"))
    finally:
        redis.start()
    stack.wait_for_redis()

    idea_id, _title = author.new_idea()
    event = wait_until("live updates come back", lambda: live_vote(author, voter, idea_id), timeout=30)
    step(f"Redis back: the vote arrived live ({event})", author.url(f"/ws/ideas/{idea_id}/"))

    def cached_again():
        anonymous.get("/ideer/")
        return page_cache_keys()

    wait_until("the page cache comes back", cached_again, timeout=15)


def live_vote(author, voter, idea_id):
    try:
        return author.watch_votes(idea_id, lambda: voter.vote(idea_id), timeout=5)
    except (AssertionError, OSError, TimeoutError) as error:
        step(f"not yet: {error!r}", f"/ws/ideas/{idea_id}/")
        voter.post(f"/ideer/{idea_id}/stem/", {"action": "unvote"}, form_path=f"/ideer/{idea_id}/")
        return None


# ---- PostgreSQL -------------------------------------------------------------------------------------


def test_postgres_restarted_under_load(stack, author):
    idea_id, _title = author.new_idea()
    pids = [worker.pid for worker in stack.asgi_workers()]
    results, stop = [], threading.Event()

    def load():
        visitor = Visitor(stack)
        visitor.http.cookies.update(author.http.cookies)
        while not stop.is_set():
            try:
                response = visitor.get(f"/ideer/{idea_id}/", timeout=LOAD_REQUEST_TIMEOUT)
                results.append((time.monotonic(), response.status_code, response.text))
            except OSError as error:  # requests' errors, timeouts included, are OSErrors
                results.append((time.monotonic(), None, repr(error)))

    # Daemon threads with bounded requests: a drill that goes wrong fails, it never keeps pytest alive.
    threads = [threading.Thread(target=load, daemon=True) for _ in range(4)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(2)
        restarted_at = time.monotonic()
        stack.restart_postgres()
        back_at = time.monotonic()
        step(f"PostgreSQL restarted in {back_at - restarted_at:.1f} s under load", stack.database_url.split("@")[1])
        time.sleep(5)
    finally:
        stop.set()
        for thread in threads:
            thread.join(LOAD_REQUEST_TIMEOUT + 5)
    assert not any(thread.is_alive() for thread in threads), "a load thread did not finish its last request"

    statuses = {}
    for _at, status, _text in results:
        statuses[status] = statuses.get(status, 0) + 1
    step(f"{len(results)} requests: {statuses}", author.url(f"/ideer/{idea_id}/"))
    assert set(statuses) <= {200, 503}
    for _at, status, text in results:
        if status == 503:
            assert "Idébanken kan ikke nå sin database lige nu" in text
    later = [status for at, status, _text in results if at > back_at + 2]
    assert later and set(later) == {200}
    assert [worker.pid for worker in stack.asgi_workers()] == pids  # the pools recovered without a restart


# ---- a worker killed mid-request ----------------------------------------------------------------------


@pytest.mark.parametrize("action", ["vote", "comment"])
def test_worker_killed_mid_write_leaves_no_half_written_row(stack, author, voter, action):
    """The request is held inside its transaction (the idea's row is locked, so the counter update waits
    after the vote or comment row is inserted), and its worker is killed: nothing of it may remain."""
    import psycopg

    idea_id, _title = author.new_idea()
    before = stack.psql("ideabank", f"SELECT vote_count, comment_count FROM ideas_idea WHERE id = {idea_id}")
    with psycopg.connect(stack.database_url.replace("postgres://", "postgresql://"), connect_timeout=10) as lock:
        lock.execute("SELECT 1 FROM ideas_idea WHERE id = %s FOR UPDATE", [idea_id])
        request = threading.Thread(
            target=lambda: voter.vote(idea_id) if action == "vote" else voter.comment(idea_id, "Halvt skrevet?"),
            daemon=True,
        )
        request.start()
        waiting = wait_until(
            "the write waits on the lock",
            lambda: stack.psql(
                "ideabank",
                "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE%ideas_idea%'",
            ),
            timeout=20,
        )
        for worker in stack.asgi_workers():
            worker.kill(signal.SIGKILL)
        step(
            f"killed both ASGI workers while backend {waiting} held a half-done {action}",
            author.url(f"/ideer/{idea_id}/"),
        )
        request.join(30)
    wait_until("the workers are back", lambda: all(w.running() for w in stack.asgi_workers()), timeout=30)
    wait_until("the site answers", lambda: stack.get_status("/readyz") == 200, timeout=60)

    after = stack.psql("ideabank", f"SELECT vote_count, comment_count FROM ideas_idea WHERE id = {idea_id}")
    rows = stack.psql(
        "ideabank",
        f"SELECT (SELECT count(*) FROM ideas_vote WHERE idea_id = {idea_id}), "
        f"(SELECT count(*) FROM ideas_comment WHERE idea_id = {idea_id})",
    )
    step(f"counters before {before}, after {after}; rows (votes|comments) {rows}", author.url(f"/ideer/{idea_id}/"))
    assert after == before
    assert rows == "0|0"
    assert voter.vote(idea_id).status_code == 302  # the same write, sent again, now counts once
    assert stack.psql("ideabank", f"SELECT vote_count FROM ideas_idea WHERE id = {idea_id}") == "1"
