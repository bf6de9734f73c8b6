from django.urls import path

from . import policy_views

urlpatterns = [
    path("", policy_views.overview, name="policy_overview"),
    path("export.csv", policy_views.export, name="policy_export"),
    path("<str:code>/", policy_views.municipality, name="policy_municipality"),
    path("<str:code>/bijwerken/", policy_views.record, name="policy_record"),
]
