from __future__ import annotations

from django.urls import path

from vagus.learn import pages, views

app_name = "learn"
urlpatterns = [
    path("", views.index, name="index"),
    path("evidence/", views.evidence_list, name="evidence"),
    path("professional-help/", views.professional_help_page, name="professional_help"),
    # "entry_code", not "entry_id": the id names a public library entry, never a person's row.
    path("evidence/<slug:entry_code>/", views.evidence_entry, name="entry"),
    *[
        path(f"{page.slug}/", views.page, {"slug": page.slug}, name=page.url_name)
        for page in pages.PAGES
    ],
]
