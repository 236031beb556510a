from __future__ import annotations

from django.urls import path

from vagus.tools import views, views_writing

app_name = "tools"
# Fixed paths per tool (no tool slug in the URL): each tool is its own page with its own form.
urlpatterns = [
    path("", views.index, name="index"),
    path("what-helps/", views.what_helps, name="helps"),
    path("breathing/", views.breathing, name="breathing"),
    path("relaxation/", views.relaxation, name="relaxation"),
    path("grounding/", views.grounding, name="grounding"),
    path("mindfulness/", views.mindfulness, name="mindfulness"),
    path("sessions/<uuid:session_id>/delete/", views.session_delete, name="session_delete"),
    path("thoughts/", views_writing.thoughts, name="thoughts"),
    path("thoughts/new/", views_writing.thought_new, name="thought_new"),
    path("thoughts/<uuid:record_id>/", views_writing.thought, name="thought"),
    path("thoughts/<uuid:record_id>/delete/", views_writing.thought_delete, name="thought_delete"),
    path("journal/", views_writing.journal, name="journal"),
    path("journal/<uuid:entry_id>/", views_writing.journal_entry, name="journal_entry"),
    path("journal/<uuid:entry_id>/delete/", views_writing.journal_delete, name="journal_delete"),
    path("worry/", views_writing.worry, name="worry"),
    path("worry/time/", views_writing.worry_time, name="worry_time"),
    path("worry/review/", views_writing.worry_review, name="worry_review"),
    path("worry/<uuid:worry_id>/resolve/", views_writing.worry_resolve, name="worry_resolve"),
    path("worry/<uuid:worry_id>/delete/", views_writing.worry_delete, name="worry_delete"),
]
