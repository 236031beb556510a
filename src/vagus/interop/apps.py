from __future__ import annotations

from django.apps import AppConfig


class InteropConfig(AppConfig):
    name = "vagus.interop"
    label = "interop"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from vagus.interop.jobs import remove_upload
        from vagus.interop.models import ImportJob

        post_delete.connect(remove_upload, sender=ImportJob, dispatch_uid="interop-upload")
