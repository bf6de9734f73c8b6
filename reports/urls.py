from django.urls import path

from . import case_views, views

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
    # The reporting point
    path("meldpunt/", case_views.inbox, name="inbox"),
    path("meldpunt/<str:reference>/", case_views.detail, name="detail"),
    path(
        "meldpunt/<str:reference>/contactgegevens/",
        case_views.reveal_contact,
        name="reveal_contact",
    ),
    path("meldpunt/<str:reference>/bericht/", case_views.staff_message, name="staff_message"),
    path("meldpunt/<str:reference>/bijlage/<int:pk>/", case_views.attachment, name="attachment"),
    path("meldpunt/<str:reference>/triage/", case_views.triage, name="triage"),
    path("meldpunt/<str:reference>/status/", case_views.change_status, name="change_status"),
    path("meldpunt/<str:reference>/personen/", case_views.add_person, name="add_person"),
    path(
        "meldpunt/<str:reference>/personen/<int:pk>/verwijderen/",
        case_views.remove_person,
        name="remove_person",
    ),
    path("meldpunt/<str:reference>/koppelen/", case_views.link, name="link"),
    path("meldpunt/<str:reference>/ontkoppelen/<str:other>/", case_views.unlink, name="unlink"),
    path("meldpunt/<str:reference>/notitie/", case_views.add_note, name="add_note"),
    path("meldpunt/<str:reference>/doorverwijzen/", case_views.refer, name="refer"),
    path(
        "meldpunt/<str:reference>/doorverwijzing/<int:pk>/delen/",
        case_views.share_referral_items,
        name="share_referral_items",
    ),
    path(
        "meldpunt/<str:reference>/doorverwijzing/<int:pk>/intrekken/",
        case_views.revoke_referral,
        name="revoke_referral",
    ),
    path("meldpunt/<str:reference>/samenvatting/", case_views.summary, name="summary"),
    # Partners
    path("ketenpartner/", case_views.partner_list, name="partner_list"),
    path("ketenpartner/<int:pk>/", case_views.partner_detail, name="partner_detail"),
    path(
        "ketenpartner/<int:pk>/<str:answer>/",
        case_views.partner_answer,
        name="partner_answer",
    ),
    path(
        "ketenpartner/<int:pk>/bijlage/<int:attachment_pk>/",
        case_views.partner_attachment,
        name="partner_attachment",
    ),
    path(
        "ketenpartner/<int:pk>/samenvatting.pdf",
        case_views.partner_summary_pdf,
        name="partner_summary_pdf",
    ),
]
