from django.urls import path

from accounts.access import PUBLIC, rule

from . import feeds, views

app_name = "content"

urlpatterns = [
    path("document/<int:document_id>/", views.document_detail, name="document"),
    path("feed/", rule(PUBLIC)(feeds.LatestFeed()), name="feed"),
    path("zoeken/", views.search, name="search"),
    path("zoeken/suggesties/", views.suggest, name="suggest"),
    path("mijn/", views.my_knowledge, name="my_knowledge"),
    path("mijn/bewaren/", views.toggle_saved, name="toggle_saved"),
    path("mijn/<int:pk>/notitie/", views.edit_note, name="edit_note"),
    path("delen/", views.share, name="share"),
]
