from django.urls import path

from . import import_views as views

urlpatterns = [
    path("", views.batch_list, name="import_list"),
    path("<int:pk>/", views.batch_detail, name="import_batch"),
    path("bestand/<int:pk>/kolommen/", views.mapping, name="import_mapping"),
    path("<int:pk>/fouten.csv", views.batch_errors, name="import_errors"),
    path("<int:pk>/intrekken/", views.batch_withdraw, name="import_withdraw"),
    path("voorbeeld/<slug:name>.csv", views.example, name="import_example"),
]
