"""Operations: what an operator and a load balancer need from a running server.

`health` answers /healthz (the process is up) and /readyz (its services answer); `logs` writes one JSON
object per request and per log record in production; `errors` turns a lost database into a 503.
"""
