"""Django application of the dashboard half."""

from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "magnum_ui.dashboard"
    label = "magnum_ui_dashboard"
    verbose_name = "Magnum UI dashboard"

    def ready(self) -> None:
        # Registering the REST views is explicit, here, and nowhere else.
        from magnum_ui.dashboard.api import rest

        rest.register()
