"""The first rows a table page draws read as the AngularJS table's filters write them."""

from __future__ import annotations

from django.utils import timezone

from magnum_ui.dashboard.content import cells


def test_text_is_a_dash_for_nothing() -> None:
    """As Horizon's noValue: none or blank is "-", anything else as it is."""
    assert [cells.text(v) for v in (None, "", "  ", "local", 3, 0, True)] == [
        "-", "-", "-", "local", "3", "0", "true",
    ]  # fmt: skip


def test_item_name_is_none_without_a_name() -> None:
    assert [cells.item_name(v) for v in ("bench-1", "", None, 5)] == [
        "bench-1", "None", "None", "None",
    ]  # fmt: skip


def test_yes_no() -> None:
    assert [cells.yes_no(v) for v in (True, False, None)] == ["Yes", "No", "No"]


def test_a_status_code_reads_in_words() -> None:
    """As the bay status labels: CREATE_IN_PROGRESS is "Create In Progress"; none is "-"."""
    assert cells.words("CREATE_IN_PROGRESS") == "Create In Progress"
    assert cells.words("HEALTHY") == "Healthy"
    assert cells.words("SOME__NEW_STATE") == "Some New State"
    assert [cells.words(v) for v in (None, "")] == ["-", "-"]


def test_a_date_reads_as_angulars_medium_format_in_the_users_zone() -> None:
    """UTC by default, the user's zone when set; midnight is 12 AM, noon 12 PM."""
    with timezone.override("UTC"):
        assert cells.date("2026-12-05T07:32:14.504381+00:00") == "Dec 5, 2026 7:32:14 AM"
        assert cells.date("2026-01-09T00:05:09") == "Jan 9, 2026 12:05:09 AM"
        assert cells.date("2026-06-30T12:00:00Z") == "Jun 30, 2026 12:00:00 PM"
    with timezone.override("Asia/Kolkata"):
        assert cells.date("2026-12-05T07:32:14+00:00") == "Dec 5, 2026 1:02:14 PM"


def test_no_time_reads_as_itself() -> None:
    assert [cells.date(v) for v in (None, "", "soon")] == ["-", "-", "soon"]


def test_rows_read_each_item_by_the_columns() -> None:
    """Each cell's text by its column's reading; the moving bar where the column's
    working says so (a status in progress)."""
    columns = (
        cells.Column("name", "Name", links=True),
        cells.Column("public", "Public", 1, cells.yes_no),
        cells.Column("status", "Status", reads=cells.words, working=cells.in_progress),
    )
    items: list[dict[str, object]] = [
        {"name": "a", "public": True, "status": "CREATE_IN_PROGRESS"},
        {"public": False, "status": "CREATE_COMPLETE"},
    ]
    found = [[(cell.text, cell.working) for cell in row] for row in cells.rows(columns, items)]
    assert found == [
        [("a", False), ("Yes", False), ("Create In Progress", True)],
        [("-", False), ("No", False), ("Create Complete", False)],
    ]
