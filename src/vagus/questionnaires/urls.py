from __future__ import annotations

from django.urls import path

from vagus.questionnaires import views

app_name = "questionnaires"
urlpatterns = [
    path("", views.index, name="index"),
    path("crisis/", views.crisis_page, name="crisis"),
    path("crisis/read/", views.crisis_read, name="crisis_read"),
    path("summary/", views.summary, name="summary"),
    path("responses/<uuid:response_id>/", views.result, name="result"),
    path("<slug:code>/", views.answer, name="answer"),
    path("<slug:code>/schedule/", views.schedule, name="schedule"),
]
