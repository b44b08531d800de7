"""The Bay Models panel is an AngularJS view: Django serves the page with the
table's first page drawn (see :mod:`..table_page`)."""

from django.utils.translation import gettext_lazy as _

from magnum_ui.dashboard.content import cells, table_page

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

urlpatterns = table_page.index(_("Bay Models"), "bay_models", "OS::Magnum::BayModel", COLUMNS)
