from __future__ import annotations

from django.urls import path

from vagus.microbiome import views

app_name = "microbiome"
urlpatterns = [
    path("", views.index, name="index"),
    path("upload/", views.upload, name="upload"),
    path("upload/<uuid:upload_id>/", views.confirm, name="confirm"),
    path("<uuid:sample_id>/", views.sample, name="sample"),
    path("<uuid:sample_id>/delete/", views.delete, name="delete"),
]
