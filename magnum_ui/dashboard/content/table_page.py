"""The page of a panel whose AngularJS table lists a collection of the REST API.

Horizon's AngularJS pages are a shell that the browser fills once its
scripts have run; only then does the table ask for its rows.  This page also
starts the request for the table's first page from its head (the same URL
the table's first listing asks, see ``live-table.service.js``), so the rows
are there when the table is::

    re_path(r"^$", TablePage.as_view(title=_("Bays"), collection="bays"), name="index")
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from horizon.browsers import views

from magnum_ui.dashboard.api.rest import MOST_AT_ONCE

# Horizon's tables show this many rows a page unless the user chose otherwise
# (horizon.framework.conf.tableOptions.pageSize, the API_RESULT_PAGE_SIZE cookie).
DEFAULT_PAGE_SIZE = 20


class TablePage(views.AngularIndexView):
    template_name = "container_infra/table_page.html"
    # Under /api/container_infra/: "bays", "bay_models".
    collection = ""
    # The column the table sorts by at first (its sortDefault): the first page is
    # the first in that order.
    sort_key = "name"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)
        webroot = getattr(settings, "WEBROOT", "/")
        size = page_size(self.request.COOKIES.get("API_RESULT_PAGE_SIZE"))
        query = f"limit={size}&sort_key={self.sort_key}"
        context["first_page_url"] = f"{webroot}api/container_infra/{self.collection}/?{query}"
        return context


def page_size(cookie: str | None) -> int:
    """The user's page size as the table reads it (at most what the REST API lists at once).

    A whole number from the cookie, else the default.
    """
    if cookie is None or not re.fullmatch(r"[1-9][0-9]*", cookie):
        return DEFAULT_PAGE_SIZE
    return min(int(cookie), MOST_AT_ONCE)
