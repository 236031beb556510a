from __future__ import annotations

from django.urls import include, path

from vagus.api.api import api
from vagus.menu import more

urlpatterns = [
    path("accounts/", include("vagus.accounts.urls")),
    path("api/", api.urls),
    path("questionnaires/", include("vagus.questionnaires.urls")),
    path("insights/", include("vagus.insights.urls")),
    path("experiments/", include("vagus.experiments.urls")),
    path("microbiome/", include("vagus.microbiome.urls")),
    path("tools/", include("vagus.tools.urls")),
    path("data/", include("vagus.interop.urls")),
    path("learn/", include("vagus.learn.urls")),
    path("reports/", include("vagus.reports.urls")),
    path("reminders/", include("vagus.reminders.urls")),
    path("sharing/", include("vagus.sharing.urls")),
    path("studies/", include("vagus.studies.urls")),
    path("more/", more, name="more"),
    # The manifest, the service worker (at the root, so it may control every page), offline page.
    path("", include("vagus.offline.urls")),
    path("", include("vagus.diary.urls")),
]
