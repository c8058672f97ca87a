"""tests/deploy runs against the production layout (tests/deploy/stack.py), which `make prod-check` starts.

`make test` skips them: starting PostgreSQL, Redis, two Elasticsearch nodes, nginx and three Django
processes takes a minute and the ports would collide between xdist workers. CI runs them with
`make prod-check` (.ci/run, after the two `make test` passes).
"""

import os

import pytest

ENABLED = os.environ.get("IDEABANK_PROD_CHECK") == "1"


def pytest_collection_modifyitems(config, items):
    if ENABLED:
        return
    skip = pytest.mark.skip(reason="runs against the production layout: `make prod-check`")
    for item in items:
        if "tests/deploy/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(skip)


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
