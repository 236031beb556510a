from __future__ import annotations

app_name = "interop"
urlpatterns: list = []
