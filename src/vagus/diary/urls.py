from __future__ import annotations

from django.urls import path, register_converter

from vagus.converters import IsoDateConverter
from vagus.diary import views, views_measures

register_converter(IsoDateConverter, "isodate")

app_name = "diary"
urlpatterns = [
    path("", views.home, name="home"),
    path("today/", views.today, name="today"),
    path("today/hide-card/", views.hide_card, name="hide_card"),
    path("checkin/customise/", views_measures.customise, name="checkin_customise"),
    path("day/<isodate:day>/", views.checkin, name="day"),
    path("meals/", views.meals, name="meals"),
    path("meals/week/", views.meals_week, name="meals_week"),
    path("meals/<uuid:meal_id>/", views.meal_edit, name="meal_edit"),
    path("meals/<uuid:meal_id>/delete/", views.meal_delete, name="meal_delete"),
    path("meals/<uuid:meal_id>/correct/", views.meal_correct, name="meal_correct"),
    path("foods/", views.foods, name="foods"),
    path("foods/<uuid:food_id>/delete/", views.food_delete, name="food_delete"),
    path("measures/", views_measures.measures, name="measures"),
    path(
        "measures/<uuid:measure_id>/archive/",
        views_measures.measure_archive,
        name="measure_archive",
    ),
    path("measures/<uuid:measure_id>/place/", views_measures.measure_place, name="measure_place"),
    path("measures/<uuid:measure_id>/move/", views_measures.measure_move, name="measure_move"),
    path("measures/<uuid:measure_id>/edit/", views_measures.measure_edit, name="measure_edit"),
    path("timeline/", views.timeline, name="timeline"),
]
