from __future__ import annotations

from django.urls import path

from vagus.insights import views

app_name = "insights"
urlpatterns = [
    path("", views.index, name="index"),
    path("weekly/", views.weekly, name="weekly"),
    path("calendar/", views.calendar, name="calendar"),
    path("levels/", views.levels, name="levels"),
]
