from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home.views import accessibility_statement, api_not_found, favicon, floor, was_redirect
from ideabank.accounts.views import set_language
from ideabank.api.api import api
from ideabank.ops.health import healthz, readyz
from ideabank.spread.encounter_views import citizen_answer
from ideabank.spread.export_views import open_data

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    re_path(r"^api/", api_not_found),
    path("konto/totrin/", include("ideabank.mfa.urls")),
    path("konto/sso/", include("ideabank.sso.urls")),
    path("konto/", include("ideabank.accounts.urls")),
    path("ideer/", include("ideabank.ideas.urls")),
    path("filer/", include("ideabank.attachments.urls")),
    path("soeg/", include("search.urls")),
    path("notifikationer/", include("ideabank.notifications.urls")),
    path("udbredelse/", include("ideabank.spread.urls")),
    path("sprog/", set_language, name="set_language"),
    path("tilgaengelighed/", accessibility_statement, name="accessibility_statement"),
    path("aabne-data/", open_data, name="open_data"),
    path("svar/<str:code>/", citizen_answer, name="citizen_answer"),
    path("was/", was_redirect, name="was"),
    path("_floor/", floor, name="floor"),
    path("favicon.ico", favicon, name="favicon"),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
