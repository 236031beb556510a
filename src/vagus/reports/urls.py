from __future__ import annotations

from django.urls import path

from vagus.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("report.pdf", views.pdf, name="pdf"),
    path("report.fhir.json", views.fhir, name="fhir"),
]
