from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.login_view, name="login"),
    path("inloggen/code/", views.two_factor, name="two_factor"),
    path("inloggen/app-instellen/", views.enrol, name="enrol"),
    path("uitloggen/", views.logout_view, name="logout"),
    path("", views.profile, name="profile"),
    path("start/", views.start_screen, name="start"),
    path("meldingen-per-mail/", views.notifications, name="notifications"),
    path("back-upcodes/", views.backup_codes, name="backup_codes"),
    path("back-upcodes/nieuw/", views.regenerate_backup_codes, name="regenerate_backup_codes"),
    path("wachtwoord/", views.password_change, name="password_change"),
    path("wachtwoord-vergeten/", views.password_reset, name="password_reset"),
    path("wachtwoord-vergeten/verstuurd/", views.password_reset_done, name="password_reset_done"),
    path(
        "wachtwoord-vergeten/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-vergeten/klaar/",
        views.password_reset_complete,
        name="password_reset_complete",
    ),
    path("aanvragen/", views.request_account, name="request_account"),
    path("aanvragen/<int:pk>/bevestigen/<str:token>/", views.request_verify, name="request_verify"),
    path("activeren/<int:pk>/<str:token>/", views.activate, name="activate"),
    path("aanvragen/beoordelen/", views.review_list, name="review_list"),
    path("aanvragen/beoordelen/<int:pk>/", views.review_request, name="request_review"),
    path("mensen/", views.people, name="people"),
    path("mensen/rol-toekennen/", views.grant_role, name="grant_role"),
    path("mensen/toekenning/<int:pk>/goedkeuren/", views.approve_grant, name="approve_grant"),
    path("mensen/toekenning/<int:pk>/weigeren/", views.refuse_grant, name="refuse_grant"),
    path("mensen/<int:pk>/rol-intrekken/", views.revoke_role, name="revoke_role"),
    path(
        "mensen/<int:pk>/tweestaps-herstellen/",
        views.reset_person_two_factor,
        name="reset_two_factor",
    ),
]
