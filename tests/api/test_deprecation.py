"""Deprecating an operation within v1 (#24): the promise of at least six months' notice, in headers and schema."""

from datetime import date

import pytest
from ninja import NinjaAPI, Router, Schema
from ninja.decorators import decorate_view
from ninja.testing import TestClient

from ideabank.api.deprecation import DEPRECATED, deprecated
from ideabank.api.openapi import document_errors


class OldOut(Schema):
    value: int


def api_with_an_old_operation():
    router = Router()

    @router.get("/old", response=OldOut, openapi_extra=DEPRECATED)
    @decorate_view(deprecated(announced=date(2027, 1, 4), sunset=date(2027, 7, 5), link="/api/v1/docs#new"))
    def old(request):
        return {"value": 1}

    return router


def test_a_deprecated_operation_announces_itself_and_its_sunset():
    response = TestClient(api_with_an_old_operation()).get("/old")

    assert response.status_code == 200 and response.json() == {"value": 1}
    assert response["Deprecation"] == "@1799020800"  # 2027-01-04 00:00 UTC
    assert response["Sunset"] == "Mon, 05 Jul 2027 00:00:00 GMT"
    assert response["Link"] == '</api/v1/docs#new>; rel="deprecation"'


def test_the_schema_marks_it_deprecated_and_documents_the_headers():
    api = NinjaAPI(urls_namespace="deprecation-test")
    api.add_router("", api_with_an_old_operation())

    operation = document_errors(api.get_openapi_schema(path_prefix="/api"))["paths"]["/api/old"]["get"]

    assert operation["deprecated"] is True
    assert {"Deprecation", "Sunset"} <= set(operation["responses"][200]["headers"])


@pytest.mark.parametrize(
    ("announced", "sunset"),
    [(date(2027, 1, 4), date(2027, 7, 3)), (date(2027, 8, 31), date(2028, 2, 28))],
)
def test_less_than_six_months_notice_is_refused(announced, sunset):
    with pytest.raises(ValueError, match="6 months"):
        deprecated(announced=announced, sunset=sunset)


def test_six_months_to_the_day_is_enough():
    assert deprecated(announced=date(2027, 8, 31), sunset=date(2028, 2, 29))
