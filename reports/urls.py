from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("melden/", views.report_form, name="report"),
    path("melden/professioneel/", views.professional_report_form, name="professional_report"),
    path("melden/advies/", views.advice_form, name="advice"),
    path("melden/ontvangen/<str:token>/", views.received, name="received"),
    path("melden/postbus/", views.mailbox_sign_in, name="mailbox_sign_in"),
    path("melden/postbus/berichten/", views.mailbox, name="mailbox"),
    path("melden/postbus/afmelden/", views.mailbox_sign_out, name="mailbox_sign_out"),
    path("melden/mijn/", views.my_reports, name="my_reports"),
    path("melden/mijn/<str:reference>/", views.my_report, name="my_report"),
    path("meldpunt/", views.inbox, name="inbox"),
    path("meldpunt/<str:reference>/", views.detail, name="detail"),
    path("meldpunt/<str:reference>/contactgegevens/", views.reveal_contact, name="reveal_contact"),
    path("meldpunt/<str:reference>/bericht/", views.staff_message, name="staff_message"),
    path("meldpunt/<str:reference>/bijlage/<int:pk>/", views.attachment, name="attachment"),
]
