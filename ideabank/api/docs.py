"""The API page at /api/v1/docs: Swagger UI inside the site's own page, in the visitor's language, with every
file served by the site itself (Ninja's stock page would load Swagger UI from a CDN)."""

from django.shortcuts import render
from ninja.openapi.docs import Swagger


class SiteSwagger(Swagger):
    template = "api/docs.html"

    def render_page(self, request, api, **kwargs):
        settings = {
            **self.settings,
            "url": self.get_openapi_url(api, kwargs),
            # Swagger UI would otherwise show a badge fetched from validator.swagger.io.
            "validatorUrl": None,
            # Deep links put a link inside each operation's toggle button, which screen readers cannot use.
            "deepLinking": False,
            # Its highlighting colours numbers too faintly on the dark code background (WCAG contrast).
            "syntaxHighlight": False,
        }
        return render(request, self.template, {"swagger_settings": settings, "schema_url": settings["url"]})
