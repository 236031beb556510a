from __future__ import annotations

from django.urls import path

from vagus.studies import views, views_participant

app_name = "studies"
urlpatterns = [
    # A researcher's own studies.
    path("research/", views.index, name="index"),
    path("research/new/", views.new, name="new"),
    path("research/import/", views.import_protocol, name="import"),
    path("research/<uuid:study_id>/", views.detail, name="detail"),
    path("research/<uuid:study_id>/edit/", views.edit, name="edit"),
    path("research/<uuid:study_id>/protocol.json", views.protocol_file, name="protocol"),
    path("research/<uuid:study_id>/data.csv", views.export, {"fmt": "csv"}, name="export_csv"),
    path(
        "research/<uuid:study_id>/data.parquet",
        views.export,
        {"fmt": "parquet"},
        name="export_parquet",
    ),
    path("research/<uuid:study_id>/dictionary.json", views.dictionary, name="dictionary"),
    # A participant's side.
    path("join/<str:invite_code>/", views_participant.join, name="join"),
    path("mine/", views_participant.mine, name="mine"),
    path("mine/<uuid:enrolment_id>/consent/", views_participant.reconsent, name="reconsent"),
    path("mine/<uuid:enrolment_id>/withdraw/", views_participant.withdraw, name="withdraw"),
]
