from django.urls import path

from content.views import home

from . import views

app_name = "core"

urlpatterns = [
    path("", home, name="home"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
]
