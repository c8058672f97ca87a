"""A local Elasticsearch node for the tests, via scripts/elasticsearch.sh (Maven Central, no Docker).

In a session-scoped fixture: ``url = ensure_elasticsearch()`` -> "http://127.0.0.1:9201".
"""

import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "elasticsearch.sh"


class ElasticsearchUnavailable(RuntimeError):
    """No node could be fetched or started (no Java/Maven, Maven Central unreachable, ...)."""


def ensure_elasticsearch(port: int = 9201) -> str:
    """Return the URL of the node on 127.0.0.1:`port`, fetching and starting one if none answers.

    A running node is reused (about 0.3 s) and a started one is left running for the next run; stop it with
    `scripts/elasticsearch.sh stop <port>`. Parallel callers (xdist workers) are serialised by the script.
    """
    try:
        result = subprocess.run(  # noqa: S603 - fixed script, no shell
            [str(SCRIPT), "start", str(port)], capture_output=True, text=True, timeout=600, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ElasticsearchUnavailable(f"{SCRIPT} start {port}: {exc}") from exc
    if result.returncode != 0:
        raise ElasticsearchUnavailable(f"{SCRIPT} start {port} failed:\n{result.stderr[-3000:]}")
    return result.stdout.split()[-1]
