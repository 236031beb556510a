from __future__ import annotations

app_name = "tools"
urlpatterns: list = []
