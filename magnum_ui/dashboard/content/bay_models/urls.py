"""The Bay Models panel is an AngularJS view: Django serves the page with the
table's first page drawn (see :mod:`..table_page`)."""

from django.urls import re_path
from django.utils.translation import gettext_lazy as _

from magnum_ui.dashboard.content import cells
from magnum_ui.dashboard.content.table_page import TablePage

# As bay-models.module.js declares them.
COLUMNS = (
    cells.Column("name", _("Name"), reads=cells.item_name, links=True),
    cells.Column("coe", _("COE")),
    cells.Column("image_id", _("Image"), priority=2),
    cells.Column("public", _("Public"), reads=cells.yes_no),
    cells.Column("hidden", _("Hidden"), priority=2, reads=cells.yes_no),
    cells.Column("server_type", _("Server Type"), priority=2),
    cells.Column("created_at", _("Created"), priority=2, reads=cells.date),
)

urlpatterns = [
    re_path(
        r"^$",
        TablePage.as_view(
            title=_("Bay Models"),
            collection="bay_models",
            resource="bay_model",
            resource_type="OS::Magnum::BayModel",
            columns=COLUMNS,
        ),
        name="index",
    ),
]
