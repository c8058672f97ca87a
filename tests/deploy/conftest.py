"""tests/deploy runs against the production layout (tests/deploy/stack.py), which `make prod-check` starts.

`make test` skips them: starting PostgreSQL, Redis, two Elasticsearch nodes, nginx and three Django
processes takes minutes and the ports would collide between xdist workers. CI runs them with
`make prod-check` (.ci/run, after the two `make test` passes).
"""

import os

import pytest

ENABLED = os.environ.get("IDEABANK_PROD_CHECK") == "1"
# The smoke suite first (a broken layout shows there), the fault drills, which stop services, last.
ORDER = ("test_smoke.py", "test_backup_restore.py", "test_faults.py")
# Every wait in the drills has its own bound; this one catches whatever would still hang. SIGALRM raises in
# the test, so the stack fixture still stops every service. The first test's includes starting the stack.
TEST_TIMEOUT_SECONDS = 900


def pytest_collection_modifyitems(config, items):
    deploy = [item for item in items if "tests/deploy/" in str(item.fspath).replace(os.sep, "/")]
    if not ENABLED:
        skip = pytest.mark.skip(reason="runs against the production layout: `make prod-check`")
        for item in deploy:
            item.add_marker(skip)
        return
    for item in deploy:
        item.add_marker(pytest.mark.timeout(TEST_TIMEOUT_SECONDS, method="signal"))
    rank = {item: (ORDER.index(item.fspath.basename) if item.fspath.basename in ORDER else 0) for item in deploy}
    items.sort(key=lambda item: rank.get(item, -1))


@pytest.fixture(scope="session")
def stack():
    from .stack import Stack

    running = Stack()
    try:
        running.start()
        yield running
    finally:
        running.stop()


@pytest.fixture
def elasticsearch(stack):
    """Both Elasticsearch nodes up (a drill before may have stopped them)."""
    stack.start_elasticsearch()
    return stack


@pytest.fixture
def author(stack):
    from .site import Visitor

    return Visitor(stack).login("author")


@pytest.fixture
def voter(stack):
    from .site import Visitor

    return Visitor(stack).login("voter")


@pytest.fixture
def anonymous(stack):
    from .site import Visitor

    return Visitor(stack)
