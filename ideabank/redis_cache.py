"""Django's Redis cache with one connection pool per server process instead of one per request.

Under ASGI, `django.core.cache.caches` keeps its cache objects per request context, and each new
RedisCache builds its own connection pool: every request opened a fresh connection to Redis (a TCP
handshake and a Redis accept, about a millisecond of CPU on both sides, measured with `make bench`).
Pools are thread-safe, so the process shares one per server address and options.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

_pools = {}


class SharedPoolClient(RedisCacheClient):
    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self._pools = _pools.setdefault((tuple(servers), repr(sorted(options.items()))), {})


class SharedPoolRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedPoolClient
