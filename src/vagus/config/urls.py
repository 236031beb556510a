from __future__ import annotations

from django.urls import include, path

from vagus.api.api import api

urlpatterns = [
    path("accounts/", include("vagus.accounts.urls")),
    path("api/", api.urls),
    path("questionnaires/", include("vagus.questionnaires.urls")),
    path("", include("vagus.diary.urls")),
]
