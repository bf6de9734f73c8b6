from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("betrokkenen/", views.subjects, name="subjects"),
    path("melding/<str:reference>/toegang/", views.access_log, name="access_log"),
    path("melding/<str:reference>/melder/", views.reporter, name="reporter"),
    path("melding/<str:reference>/bewaren/", views.legal_hold, name="legal_hold"),
    path("melding/<str:reference>/persoon/<int:pk>/", views.person, name="person"),
    path("auditlog.csv", views.export_audit_log, name="export_audit_log"),
]
