"""Validation of the service's settings."""

from __future__ import annotations

import pytest

from magnum_ui.service import conf


def test_sqlite_url() -> None:
    assert conf.database_settings("sqlite:////var/lib/x.db") == {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/var/lib/x.db",
    }


def test_postgres_socket_url() -> None:
    """A socket directory and port in the query string reach Django's HOST and PORT."""
    db = conf.database_settings("postgresql://u:p%40ss@/magnum?host=/run/pg&port=5433")
    assert (db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == (
        "magnum",
        "u",
        "p@ss",
        "/run/pg",
        "5433",
    )


@pytest.mark.parametrize(
    ("url", "fragment"),
    [("mysql://x/y", "unsupported scheme"), ("postgresql://h/", "names no database")],
)
def test_bad_database_url_says_why(url: str, fragment: str) -> None:
    with pytest.raises(conf.ConfigError, match=fragment):
        conf.database_settings(url)
