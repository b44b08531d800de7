"""The page of a panel whose AngularJS table lists a collection of the REST API.

Horizon's AngularJS pages are a shell that the browser fills once its
scripts have run (~250 ms after the HTML on a fast machine); only then
would the table ask for its rows.  This page reads the table's first page
itself (the items the table's first listing asks for, see
``live-table.service.js``) and

- draws it, so the rows show as soon as the HTML does: links to the items'
  pages work at once, the rest (selection, actions, search) waits for the
  table, which takes over when it has drawn its own rows;
- hands the same answer to the table, which then asks nothing to start.

Should the service not answer in :data:`FIRST_PAGE_TIMEOUT`, or fail, the
page is the shell as before and asks for the first page from its head.  A
panel's ``urls.py`` declares its columns and its page::

    urlpatterns = table_page.index(_("Bays"), "bays", "OS::Magnum::Bay", COLUMNS)
"""

from __future__ import annotations

import logging
import re
from typing import Any

from django.conf import settings
from django.urls import URLPattern, re_path
from horizon.browsers import views
from keystoneauth1 import exceptions as keystone_exceptions
from magnumclient import exceptions as magnum_exceptions
from openstack_dashboard.api import base

from magnum_ui.dashboard.api import magnum
from magnum_ui.dashboard.api.rest import MOST_AT_ONCE
from magnum_ui.dashboard.content import cells

LOG = logging.getLogger(__name__)

# Horizon's tables show this many rows a page unless the user chose otherwise
# (horizon.framework.conf.tableOptions.pageSize, the API_RESULT_PAGE_SIZE cookie).
DEFAULT_PAGE_SIZE = 20

# How long the page waits for the service before it leaves the rows to the table.
FIRST_PAGE_TIMEOUT = 2.0


# What the service's list call raises when it gives no list.
_UNANSWERED = (
    magnum_exceptions.ClientException,
    keystone_exceptions.ClientException,
    base.exceptions.ServiceCatalogException,
)


class TablePage(views.AngularIndexView):
    template_name = "container_infra/table_page.html"
    # Under /api/container_infra/: "bays", "bay_models".
    collection = ""
    # Its functions in api.magnum: "bay" (bay_list), "bay_model".
    resource = ""
    # The resource type, for the links to the items' pages.
    resource_type = ""
    # The table's columns, in order, as the server draws them.
    columns: tuple[cells.Column, ...] = ()
    # The column the table sorts by at first (its sortDefault): the first page is
    # the first in that order.
    sort_key = "name"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)
        webroot = getattr(settings, "WEBROOT", "/")
        size = page_size(self.request.COOKIES.get("API_RESULT_PAGE_SIZE"))
        query = f"limit={size}&sort_key={self.sort_key}"
        context["first_page_url"] = f"{webroot}api/container_infra/{self.collection}/?{query}"
        listing = self.first_page(size)
        if listing is not None:
            context["first_page"] = {"items": listing.items, "more": listing.more}
            context["columns"] = self.columns
            pages = f"{webroot}ngdetails/{self.resource_type}/"
            context["rows"] = [
                {"link": pages + str(item.get("uuid")), "cells": row}
                for item, row in zip(
                    listing.items, cells.rows(self.columns, listing.items), strict=True
                )
            ]
        return context

    def first_page(self, size: int) -> magnum.Listing | None:
        """The table's first page, or None when the service does not give it in time."""
        list_function = getattr(magnum, f"{self.resource}_list")
        try:
            listing: magnum.Listing = list_function(
                self.request, first=size, sort_key=self.sort_key, timeout=FIRST_PAGE_TIMEOUT
            )
        except _UNANSWERED as exc:  # the table asks again and shows why
            LOG.warning("The %s page is drawn without its rows: %s", self.collection, exc)
            return None
        return listing


def index(
    title: str, collection: str, resource_type: str, columns: tuple[cells.Column, ...]
) -> list[URLPattern]:
    """A panel's URL patterns: its index is the table page of ``collection``.

    The functions of :mod:`magnum_ui.dashboard.api.magnum` are named after the
    collection's items ("bays": ``bay_list``).
    """
    page = TablePage.as_view(
        title=title,
        collection=collection,
        resource=collection.removesuffix("s"),
        resource_type=resource_type,
        columns=columns,
    )
    return [re_path(r"^$", page, name="index")]


def page_size(cookie: str | None) -> int:
    """The user's page size as the table reads it (at most what the REST API lists at once).

    A whole number from the cookie, else the default.
    """
    if cookie is None or not re.fullmatch(r"[1-9][0-9]*", cookie):
        return DEFAULT_PAGE_SIZE
    return min(int(cookie), MOST_AT_ONCE)
