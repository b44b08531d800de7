"""The page of a panel that lists a collection: it draws the table's first page, or asks for it."""

from __future__ import annotations

from typing import Any
from unittest import mock

from django.template import loader
from django.test import RequestFactory, override_settings
from keystoneauth1 import exceptions as keystone_exceptions
from magnumclient import exceptions as magnum_exceptions

from magnum_ui.dashboard.api import magnum
from magnum_ui.dashboard.content import table_page
from magnum_ui.dashboard.content.bay_models.urls import COLUMNS
from magnum_ui.dashboard.content.table_page import TablePage, page_size

MODEL = {
    "uuid": "u-1",
    "name": "<b>swarm</b>",
    "coe": "swarm-mode",
    "image_id": None,
    "public": True,
    "hidden": False,
    "server_type": "local",
    "created_at": "2026-12-05T07:32:14+00:00",
}


def _context(cookies: dict[str, str], listing: Any = None) -> dict[str, Any]:
    request = RequestFactory().get("/project/bay_models/")
    request.COOKIES.update(cookies)
    view = TablePage(
        collection="bay_models",
        resource="bay_model",
        resource_type="OS::Magnum::BayModel",
        columns=COLUMNS,
        title="Bay Models",
    )
    view.setup(request)
    answer = listing if listing is not None else magnum.Listing([MODEL], more=True)
    side_effect = answer if isinstance(answer, Exception) else None
    with mock.patch.object(
        magnum, "bay_model_list", return_value=answer, side_effect=side_effect
    ) as listed:
        context = view.get_context_data()
    context["listed"] = listed
    return context


def test_the_page_reads_the_tables_first_page_in_its_order() -> None:
    """The items the table's first listing asks for: the user's page size (else 20), by name,
    waiting for the service no longer than FIRST_PAGE_TIMEOUT."""
    listed = _context({})["listed"]
    listed.assert_called_once_with(
        mock.ANY, first=20, sort_key="name", timeout=table_page.FIRST_PAGE_TIMEOUT
    )
    assert _context({"API_RESULT_PAGE_SIZE": "50"})["listed"].call_args.kwargs["first"] == 50


def test_the_rows_read_as_the_tables_with_a_link_to_each_items_page() -> None:
    context = _context({})
    assert context["first_page"] == {"items": [MODEL], "more": True}
    (row,) = context["rows"]
    assert row["link"] == "/ngdetails/OS::Magnum::BayModel/u-1"
    assert [(cell.column.field, cell.text) for cell in row["cells"]] == [
        ("name", "<b>swarm</b>"),
        ("coe", "swarm-mode"),
        ("image_id", "-"),
        ("public", "Yes"),
        ("hidden", "No"),
        ("server_type", "local"),
        ("created_at", "Dec 5, 2026 7:32:14 AM"),
    ]


@override_settings(WEBROOT="/dashboard/")
def test_links_and_the_first_page_are_under_the_webroot() -> None:
    context = _context({})
    assert context["rows"][0]["link"] == "/dashboard/ngdetails/OS::Magnum::BayModel/u-1"
    assert (
        context["first_page_url"]
        == "/dashboard/api/container_infra/bay_models/?limit=20&sort_key=name"
    )


def test_without_the_services_answer_the_page_leaves_the_rows_to_the_table() -> None:
    """A service that fails or does not answer in time: no rows drawn, the head asks."""
    for failure in (
        keystone_exceptions.ConnectTimeout("timed out"),
        magnum_exceptions.HttpError(http_status=503),
    ):
        context = _context({}, failure)
        assert "first_page" not in context
        assert "rows" not in context
        url = context["first_page_url"]
        assert url == "/api/container_infra/bay_models/?limit=20&sort_key=name"


def test_a_page_size_that_is_no_positive_number_is_the_default() -> None:
    """As the browser reads it: a whole number, else 20; at most 1,000."""
    cookies = (None, "", "abc", "0", "-5", "7.5", "7", "5000")
    assert [page_size(c) for c in cookies] == [20, 20, 20, 20, 20, 20, 7, 1000]


def test_the_template_escapes_what_it_draws_and_hands_the_answer_over_as_json() -> None:
    """Cells go through Django's autoescape; the answer is a json_script (no raw JSON in a
    script); without it the head fetches the escaped URL."""
    source = loader.get_template("container_infra/table_page.html").template.source
    assert "{% extends 'angular.html' %}" in source
    assert '{{ first_page|json_script:"magnum-first-page-data" }}' in source
    assert "{{ first_page_url|escapejs }}" in source
    assert "|safe" not in source
    assert "autoescape off" not in source
    assert ".magnum-first-page ~ [ng-view] { display: none; }" in source


def test_a_panels_index_is_the_table_page_of_its_collection() -> None:
    """The list function is named after the collection's items; the route is the index."""
    (pattern,) = table_page.index("Bays", "bays", "OS::Magnum::Bay", COLUMNS)
    assert pattern.name == "index"
    assert pattern.pattern.regex.pattern == "^$"
    view = pattern.callback.view_initkwargs
    assert (view["collection"], view["resource"], view["resource_type"]) == (
        "bays", "bay", "OS::Magnum::Bay",
    )  # fmt: skip
