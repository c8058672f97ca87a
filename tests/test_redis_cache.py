"""Each request context gets its own cache object under ASGI; they must share the process's Redis pool."""

import shutil
import socket
import subprocess
import time

import pytest

from ideabank import redis_cache
from ideabank.redis_cache import SharedPoolRedisCache


def pool(location, **options):
    cache = SharedPoolRedisCache(location, {"OPTIONS": options})
    return cache._cache._get_connection_pool(write=True)


def test_cache_objects_for_one_server_share_a_connection_pool():
    assert pool("redis://127.0.0.1:6399/3") is pool("redis://127.0.0.1:6399/3")


def test_other_servers_and_options_get_pools_of_their_own():
    first = pool("redis://127.0.0.1:6399/3")

    assert pool("redis://127.0.0.1:6399/4") is not first
    assert pool("redis://127.0.0.1:6399/3", socket_timeout=2) is not first


def test_cache_objects_for_one_server_share_one_client_for_its_pool():
    def client(location):
        return SharedPoolRedisCache(location, {"OPTIONS": {}})._cache.get_client(write=True)

    shared = client("redis://127.0.0.1:6399/3")

    assert client("redis://127.0.0.1:6399/3") is shared
    assert shared.connection_pool is pool("redis://127.0.0.1:6399/3")
    assert client("redis://127.0.0.1:6399/4") is not shared


# ---- Redis away: the cache is an empty one that keeps nothing, and comes back by itself -----------------


@pytest.fixture
def redis_server(tmp_path):
    """A throwaway redis-server on a free loopback port: (url, stop, start)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    processes = []

    def start():
        command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        processes.append(subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL))  # noqa: S603
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop():
        processes[-1].terminate()
        processes[-1].wait(10)

    start()
    yield f"redis://127.0.0.1:{port}/0", stop, start
    for process in processes:
        if process.poll() is None:
            process.kill()
            process.wait()


def soft_cache(url):
    return SharedPoolRedisCache(url, {"OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}})


def test_while_redis_is_away_reads_miss_and_writes_are_dropped(redis_server, monkeypatch, caplog):
    url, stop, _start = redis_server
    cache = soft_cache(url)
    cache.set("kept", 1)
    stop()

    assert cache.get("kept") is None
    assert cache.get("kept", "default") == "default"
    assert cache.get_or_set("generation", 1) == 1
    assert cache.add("counter", 1) is False
    with pytest.raises(ValueError):
        cache.incr("counter")  # as for a missing key, which callers (rate limits, page cache) handle
    cache.set("dropped", 2)
    assert cache.get_many(["kept", "dropped"]) == {}
    assert "Redis cache unreachable" in caplog.text


def test_the_cache_comes_back_when_redis_does(redis_server, monkeypatch):
    url, stop, start = redis_server
    monkeypatch.setattr(redis_cache, "RETRY_SECONDS", 0.2)
    cache = soft_cache(url)
    stop()
    cache.set("key", "lost")
    start()
    cache.set("key", "not yet")  # within RETRY_SECONDS of the failure: Redis is not asked
    time.sleep(0.3)

    cache.set("key", "kept")

    assert cache.get("key") == "kept"


# ---- incr: Django's rule (a missing key is an error) in one round trip -------------------------------


def test_incr_counts_an_existing_key_and_refuses_a_missing_one_in_one_round_trip(redis_server, monkeypatch):
    url, _stop, _start = redis_server
    cache = soft_cache(url)
    cache.set("counter", 5)
    client = cache._cache.get_client("counter", write=True)
    commands = []
    execute = type(client).execute_command

    def counted(self, *args, **options):
        commands.append(args[0])
        return execute(self, *args, **options)

    monkeypatch.setattr(type(client), "execute_command", counted)

    assert cache.incr("counter") == 6
    assert cache.incr("counter", 4) == 10
    with pytest.raises(ValueError):
        cache.incr("never-set")

    assert cache.get("counter") == 10
    assert cache.get("never-set") is None  # refused, not created
    assert commands.count("EXISTS") == 0 and len([c for c in commands if c.startswith("EVAL")]) >= 3
