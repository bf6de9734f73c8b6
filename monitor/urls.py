from django.urls import include, path

from . import views

app_name = "monitor"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("export/<slug:name>.<str:extension>", views.export, name="export"),
    path("grafiek/<slug:name>.<str:extension>", views.chart, name="chart"),
    path("vernieuwen/", views.refresh, name="refresh"),
    path("bescherming/", views.protection_audit, name="protection_audit"),
    path("kwartaal/", views.overview, name="overview_latest"),
    path("kwartaal/<int:year>/<int:quarter>/", views.overview, name="overview"),
    path("kwartaal/<int:year>/<int:quarter>/pdf/", views.overview_pdf, name="overview_pdf"),
    path("beleid/", include("monitor.policy_urls")),
    path("import/", include("monitor.import_urls")),
]
