from django.urls import include, path
from django.views.i18n import set_language

from accounts.admin import admin_site

urlpatterns = [
    path("", include("core.urls")),
    path("account/", include("accounts.urls")),
    path("audit/", include("audit.urls")),
    path("taal/", set_language, name="set_language"),
    path("beheer/", admin_site.urls),
]

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
