from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path("", views.guide, name="guide"),
    path("signaalkaart/<slug:form>/", views.signal_card, name="card"),
    path("signaalkaart/<slug:form>/pdf/", views.signal_card_pdf, name="card_pdf"),
]
