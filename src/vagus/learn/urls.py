from __future__ import annotations

app_name = "learn"
urlpatterns: list = []
