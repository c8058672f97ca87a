"""Django's Redis cache with one connection pool per server process, which fails soft while Redis is away.

Under ASGI, `django.core.cache.caches` keeps its cache objects per request context, and each new
RedisCache builds its own connection pool: every request opened a fresh connection to Redis (a TCP
handshake and a Redis accept, about a millisecond of CPU on both sides, measured with `make bench`).
Pools are thread-safe, so the process shares one per server address and options. So are Redis clients,
which take a connection from the pool for each command: Django builds a new one for every cache operation
(66 µs of CPU, more than the round trip itself), so the process keeps one per pool.

Everything kept in this cache can be rebuilt (pages, facets, fragments, rate-limit counters), so when
Redis cannot be reached the cache behaves as an empty one that keeps nothing: reads miss, writes are
dropped, and pages and writes go on from the database. After a failure the process leaves Redis alone for
`RETRY_SECONDS`, then tries again; the first answer switches it back on by itself.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
_pools = {}
_clients = {}  # id of a pool → the client that uses it (the pools live as long as the process)
_down_until = {}  # server → monotonic time before which the cache does not try Redis
RETRY_SECONDS = 2
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


# Django asks EXISTS, then INCRBY: two round trips for every rate-limit count and every retirement of the
# page cache. The same rule (a missing key is an error, never created) in one round trip:
INCR_EXISTING = """
if redis.call('EXISTS', KEYS[1]) == 1 then
    return redis.call('INCRBY', KEYS[1], ARGV[1])
end
return false
"""


class SharedPoolClient(RedisCacheClient):
    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self._pools = _pools.setdefault((tuple(servers), repr(sorted(options.items()))), {})

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = _clients.get(id(pool))
        if client is None:
            client = _clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client

    def incr(self, key, delta):
        client = self.get_client(key, write=True)
        # EVALSHA, loading the script into Redis the first time it is not known there.
        value = client.register_script(INCR_EXISTING)(keys=[key], args=[delta])
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value


def _soft(fallback, missing_key_error=False):
    """Wrap a cache method: while Redis is unreachable, return `fallback(args)` instead of raising.

    `missing_key_error`: answer as for a missing key (incr raises ValueError), which callers handle."""

    def wrap(method):
        def soft_method(self, *args, **kwargs):
            server = ",".join(self._servers)
            if _down_until.get(server, 0) > time.monotonic():
                return self._unavailable(fallback, args, kwargs, missing_key_error)
            try:
                result = method(self, *args, **kwargs)
            except UNREACHABLE:
                if server not in _down_until:
                    logger.warning("Redis cache unreachable; running without it", exc_info=True)
                _down_until[server] = time.monotonic() + RETRY_SECONDS
                return self._unavailable(fallback, args, kwargs, missing_key_error)
            if _down_until.pop(server, None) is not None:
                logger.warning("Redis cache reachable again")
            return result

        soft_method.__name__ = method.__name__
        soft_method.__doc__ = method.__doc__
        return soft_method

    return wrap


class SharedPoolRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedPoolClient

    @staticmethod
    def _unavailable(fallback, args, kwargs, missing_key_error):
        if missing_key_error:
            raise ValueError("Redis is unreachable; the key counts as missing")
        return fallback(args, kwargs)

    get = _soft(lambda args, kwargs: kwargs.get("default", args[1] if len(args) > 1 else None))(RedisCache.get)
    get_many = _soft(lambda args, kwargs: {})(RedisCache.get_many)
    has_key = _soft(lambda args, kwargs: False)(RedisCache.has_key)
    add = _soft(lambda args, kwargs: False)(RedisCache.add)
    set = _soft(lambda args, kwargs: None)(RedisCache.set)
    set_many = _soft(lambda args, kwargs: list(args[0]) if args else [])(RedisCache.set_many)
    touch = _soft(lambda args, kwargs: False)(RedisCache.touch)
    delete = _soft(lambda args, kwargs: False)(RedisCache.delete)
    delete_many = _soft(lambda args, kwargs: None)(RedisCache.delete_many)
    clear = _soft(lambda args, kwargs: False)(RedisCache.clear)
    incr = _soft(None, missing_key_error=True)(RedisCache.incr)
