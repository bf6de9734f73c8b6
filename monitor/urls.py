from django.urls import include, path

from . import views

app_name = "monitor"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("beleid/", include("monitor.policy_urls")),
    path("import/", include("monitor.import_urls")),
]
