"""The JSON API at /api/v1/: one router per domain app, OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI

from . import accounts, errors, ideas, taxonomy
from .docs import SiteSwagger
from .examples import add_examples
from .openapi import document_errors, document_tags


class IdeabankAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation):
        # The view's own name (unique, checked by tests/api/test_openapi_contract.py): a generated client's
        # methods read `list_ideas`, not `ideabank_api_ideas_list_ideas`.
        return operation.view_func.__name__

    def get_openapi_schema(self, **kwargs):
        schema = add_examples(document_tags(document_errors(super().get_openapi_schema(**kwargs))))
        # In the request's language (Danish unless the visitor chose English), like the docs page around it. The
        # title is a name and stays put: generators name the client package after it.
        schema["info"]["description"] = _("Idéer, metoder og deres udbredelse i den sociale sektor.")
        return schema


api = IdeabankAPI(
    title="Idébanken API",
    version="1",
    description=gettext_lazy("Idéer, metoder og deres udbredelse i den sociale sektor."),
    urls_namespace="api",
    docs=SiteSwagger(),
)
errors.install(api)
api.add_router("", accounts.router)
api.add_router("", taxonomy.router)
api.add_router("", "ideabank.api.search.router")  # before ideas, so /ideas/similar is not read as an idea id
api.add_router("", ideas.router)
api.add_router("", "ideabank.api.attachments.router")
api.add_router("", "ideabank.api.methods.router")
api.add_router("", "ideabank.api.spread.router")
api.add_router("", "ideabank.api.encounters.router")
api.add_router("", "ideabank.api.business_case.router")
api.add_router("", "ideabank.api.notifications.router")
api.add_router("", "ideabank.api.export.router")
