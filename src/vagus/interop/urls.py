from __future__ import annotations

from django.urls import path

from vagus.interop import views

app_name = "interop"
urlpatterns = [
    path("", views.index, name="index"),
    path("upload/", views.upload, name="upload"),
    path("jobs/<uuid:job_id>/", views.job, name="job"),
    path("jobs/<uuid:job_id>/status/", views.job_status, name="job_status"),
    path("jobs/<uuid:job_id>/map/", views.job_map, name="job_map"),
    path("jobs/<uuid:job_id>/confirm/", views.job_confirm, name="job_confirm"),
    path("remove/", views.remove, name="remove"),
    path("export/vagus.json", views.export_json, name="export_json"),
    path("export/vagus-csv.zip", views.export_csv, name="export_csv"),
    path("export/fhir.json", views.export_fhir, name="export_fhir"),
]
