import pytest

from .helpers import INDICATORS, make_method


@pytest.fixture
def method(db):
    """A published method with two outcome indicators: one that should rise, one that should fall."""
    return make_method(indicators=INDICATORS)


@pytest.fixture
def indicators(method):
    return list(method.indicators.all())
