from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.i18n import set_language
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls

from accounts.access import PUBLIC, SIGNED_IN, rule
from accounts.admin import admin_site
from content import views as content_views

# The Wagtail admin's own login and password screens would skip two-factor login: send them to
# ours. (Its views stay reachable only for users who already passed it.)
to_login = rule(PUBLIC)(RedirectView.as_view(pattern_name="accounts:login", query_string=True))
# Its account screen would change the login address without verification or audit: our profile
# has the audited password change (with the current password) instead.
to_profile = rule(SIGNED_IN, methods=("GET", "POST"))(
    RedirectView.as_view(pattern_name="accounts:profile")
)

urlpatterns = [
    path("", include("core.urls")),
    path("account/", include("accounts.urls")),
    path("audit/", include("audit.urls")),
    path("kennisbank/", include("content.urls")),
    path("wat-zie-je/", include("indicators.urls")),
    path("", include("reports.urls")),
    path("gegevensbescherming/", include("privacy.urls")),
    path("monitor/", include("monitor.urls")),
    re_path(
        r"^kennisbank/documenten/(\d+)/(.*)$",
        content_views.serve_document,
        name="wagtaildocs_serve",
    ),
    path("taal/", set_language, name="set_language"),
    path("beheer/", admin_site.urls),
    path("cms/login/", to_login),
    path("cms/password_reset/", to_login),
    path("cms/account/", to_profile),
    path("cms/", include(wagtailadmin_urls)),
    # Only Wagtail's page-serving view: its password-less front-end login (`_util/login/`) and
    # page passwords (switched off) are left out on purpose.
    re_path(r"^((?:[\w\-]+/)*)$", wagtail_views.serve, name="wagtail_serve"),
]

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
