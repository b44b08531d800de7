"""How a table page draws its first rows before the AngularJS table takes over.

A :class:`Column` is one column of a panel's table as the server draws it:
its field, its label, its responsive priority (``rsp-p1``: always shown,
``rsp-p2``: hidden on narrow screens) and how a value reads.  The readings
are those of the AngularJS table's filters, so that the rows read the same
before and after it takes over (an end-to-end test compares the two):

=================  =============================================  ==============
reading            the value reads                                 Horizon filter
=================  =============================================  ==============
:func:`text`       as it is; "-" for none or blank                 ``noValue``
:func:`item_name`  as it is; "None" for none or not a string       ``noName``
:func:`yes_no`     "Yes" or "No"                                   ``yesno``
:func:`words`      a status code in words ("Create Complete")      bay status
:func:`date`       "Dec 5, 2026 7:32:14 AM" in the user's zone     ``isoMediumDate``
=================  =============================================  ==============

A column whose ``working`` says so for a value shows Horizon's moving bar
in the cell, as the table does for an item in transition.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext

# Angular's month names: its date filter's are English whatever the language.
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def text(value: Any) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return "-"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def item_name(value: Any) -> str:
    return value if isinstance(value, str) and value else gettext("None")


def yes_no(value: Any) -> str:
    return gettext("Yes") if value else gettext("No")


def words(code: Any) -> str:
    """A status code in words: CREATE_COMPLETE → "Create Complete"; "-" for none."""
    if not isinstance(code, str) or not code:
        return "-"
    return gettext(" ".join(part.capitalize() for part in code.split("_") if part))


def date(value: Any) -> str:
    """A time Magnum sends (ISO 8601; one without zone is UTC), in the user's time zone.

    As Angular's ``medium`` format writes it; the text itself when it is no time.
    """
    if not isinstance(value, str) or not value:
        return text(value)
    try:
        time = datetime.datetime.fromisoformat(value)
    except ValueError:
        return value
    if time.tzinfo is None:
        time = time.replace(tzinfo=datetime.UTC)
    local = timezone.localtime(time)
    hour = local.hour % 12 or 12
    noon = "PM" if local.hour >= 12 else "AM"
    month = _MONTHS[local.month - 1]
    return f"{month} {local.day}, {local.year} {hour}:{local:%M:%S} {noon}"


def in_progress(code: Any) -> bool:
    """Whether a status code says Magnum is working on the item (CREATE_IN_PROGRESS)."""
    return isinstance(code, str) and code.endswith("_IN_PROGRESS")


@dataclass(frozen=True)
class Column:
    field: str
    label: str
    priority: int = 1
    reads: Callable[[Any], str] = text
    # The cell links to the item's details page (the name column).
    links: bool = False
    # Value → the cell shows Horizon's moving bar before it (the table's
    # itemInTransitionFunction).
    working: Callable[[Any], bool] | None = None


@dataclass(frozen=True)
class Cell:
    column: Column
    text: str
    working: bool = False


def rows(columns: tuple[Column, ...], items: list[dict[str, Any]]) -> list[list[Cell]]:
    """Each item's cells, as the columns read them."""
    return [[_cell(column, item.get(column.field)) for column in columns] for item in items]


def _cell(column: Column, value: Any) -> Cell:
    return Cell(column, column.reads(value), bool(column.working and column.working(value)))
