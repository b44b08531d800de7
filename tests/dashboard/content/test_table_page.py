"""The page of a panel that lists a collection: it starts reading the table's first page."""

from __future__ import annotations

from django.template import loader
from django.test import RequestFactory, override_settings

from magnum_ui.dashboard.content.table_page import TablePage, page_size


def _context(cookies: dict[str, str]) -> dict[str, object]:
    request = RequestFactory().get("/project/bays/")
    request.COOKIES.update(cookies)
    view = TablePage(collection="bays", title="Bays")
    view.setup(request)
    return view.get_context_data()


def test_the_first_page_is_the_tables() -> None:
    """The URL is the one the table's first listing asks: the user's page size (else 20),
    in the order the table sorts by at first."""
    assert _context({})["first_page_url"] == "/api/container_infra/bays/?limit=20&sort_key=name"
    page = _context({"API_RESULT_PAGE_SIZE": "50"})["first_page_url"]
    assert page == "/api/container_infra/bays/?limit=50&sort_key=name"


@override_settings(WEBROOT="/dashboard/")
def test_the_first_page_is_under_the_webroot() -> None:
    assert (
        _context({})["first_page_url"]
        == "/dashboard/api/container_infra/bays/?limit=20&sort_key=name"
    )


def test_a_page_size_that_is_no_positive_number_is_the_default() -> None:
    """As the browser reads it: a whole number, else 20; at most 1,000."""
    cookies = (None, "", "abc", "0", "-5", "7.5", "7", "5000")
    assert [page_size(c) for c in cookies] == [20, 20, 20, 20, 20, 20, 7, 1000]


def test_the_page_reads_the_first_page_from_its_head() -> None:
    """The template extends Horizon's AngularJS page and fetches the escaped URL early."""
    template = loader.get_template("container_infra/table_page.html")
    source = template.template.source
    assert "{% extends 'angular.html' %}" in source
    assert "{{ first_page_url|escapejs }}" in source
    assert "window.magnumFirstPage" in source
