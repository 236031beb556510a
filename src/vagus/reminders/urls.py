from __future__ import annotations

from django.urls import path

from vagus.reminders import views

app_name = "reminders"
urlpatterns = [
    path("", views.settings_page, name="settings"),
    path("email/", views.email, name="email"),
    path("email/confirm/<str:token>/", views.verify_email, name="verify_email"),
    path("feed/", views.feed_issue, name="feed_issue"),
    path("feed/revoke/", views.feed_revoke, name="feed_revoke"),
    path("feed/<str:secret>.ics", views.calendar_feed, name="feed"),
    path("<uuid:delivery_id>/snooze/", views.snooze, name="snooze"),
    path("snooze/<str:token>/", views.snooze_link, name="snooze_link"),
]
