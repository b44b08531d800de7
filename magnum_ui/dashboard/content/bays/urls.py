"""The Bays panel is an AngularJS view: Django serves the page with the
table's first page drawn (see :mod:`..table_page`)."""

from django.utils.translation import gettext_lazy as _

from magnum_ui.dashboard.content import cells, table_page

# As bays.module.js declares them.
COLUMNS = (
    cells.Column("name", _("Name"), links=True),
    cells.Column("status", _("Status"), reads=cells.words, working=cells.in_progress),
    cells.Column("health_status", _("Health Status"), priority=2, reads=cells.words),
    cells.Column("coe", _("COE"), priority=2),
    cells.Column("node_count", _("Worker Nodes"), priority=2),
    cells.Column("master_count", _("Masters"), priority=2),
    cells.Column("bay_model_name", _("Bay Model"), priority=2),
    cells.Column("created_at", _("Created"), priority=2, reads=cells.date),
)

urlpatterns = table_page.index(_("Bays"), "bays", "OS::Magnum::Bay", COLUMNS)
