"""Django application of the service half."""

from django.apps import AppConfig


class ServiceConfig(AppConfig):
    name = "magnum_ui.service"
    label = "magnum_service"
    verbose_name = "Magnum UI service"
    default_auto_field = "django.db.models.BigAutoField"
