"""The Bays panel is an AngularJS view: Django serves the page shell,
which starts reading the table's first page."""

from django.urls import re_path
from django.utils.translation import gettext_lazy as _

from magnum_ui.dashboard.content.table_page import TablePage

urlpatterns = [
    re_path(r"^$", TablePage.as_view(title=_("Bays"), collection="bays"), name="index"),
]
