from __future__ import annotations

app_name = "experiments"
urlpatterns: list = []
