from __future__ import annotations

from django.urls import path

from vagus.experiments import views

app_name = "experiments"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.setup, name="setup"),
    path("<uuid:experiment_id>/", views.detail, name="detail"),
    path("<uuid:experiment_id>/adherence/", views.adherence, name="adherence"),
    path("<uuid:experiment_id>/pause/", views.pause, name="pause"),
    path("<uuid:experiment_id>/resume/", views.resume, name="resume"),
    path("<uuid:experiment_id>/stop/", views.stop, name="stop"),
    path("<uuid:experiment_id>/result/", views.result, name="result"),
    path("<uuid:experiment_id>/report/", views.report_page, name="report"),
]
