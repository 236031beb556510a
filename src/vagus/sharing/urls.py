from __future__ import annotations

from django.urls import path

from vagus.sharing import views

app_name = "sharing"
urlpatterns = [
    path("", views.shares, name="shares"),
    path("<uuid:share_id>/revoke/", views.revoke, name="revoke"),
    path("who-looked/", views.audit, name="audit"),
    path("who-looked.csv", views.audit_download, name="audit_download"),
    path("accept/", views.accept, name="accept"),
    path("people/", views.dashboard, name="dashboard"),
    path("people/<uuid:person_id>/", views.person, name="person"),
    path("people/<uuid:person_id>/report.pdf", views.person_report_pdf, name="person_report_pdf"),
    path("people/<uuid:person_id>/<slug:scope>/", views.person_scope, name="person_scope"),
]
