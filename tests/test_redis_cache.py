"""Each request context gets its own cache object under ASGI; they must share the process's Redis pool."""

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
