"""The configuration reference (docs/configuration.md) is generated from the code and current."""

from __future__ import annotations

from pathlib import Path

from magnum_ui.docs import configuration as conf_doc
from magnum_ui.service import conf

PAGE = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"


def test_committed_page_is_current() -> None:
    """docs/configuration.md equals the generator's output (regenerate with `make docs`)."""
    assert PAGE.read_text() == conf_doc.render(), (
        "docs/configuration.md is stale: run `make docs` (python -m magnum_ui.docs.configuration)"
    )


def test_every_option_is_listed_with_its_group() -> None:
    """Each option of every group appears under that group's heading with its help text."""
    page = conf_doc.render()
    for group, opts in conf.list_opts():
        section = page.split(f"## [{group}]\n", 1)[1].split("\n## ", 1)[0]
        for opt in opts:
            assert f"| `{opt.name}` |" in section
            assert " ".join(opt.help.split())[:40] in section


def test_secrets_and_host_dependent_defaults_are_marked() -> None:
    """Secret options say so, and the conductor's default name is not this machine's name."""
    page = conf_doc.render()
    assert "| `encryption_key` | string | none (*secret*) |" in page
    assert "| `host` | string | the host's name |" in page


def test_all_in_one_variables_come_from_its_config_module() -> None:
    """Every variable of the all-in-one's table is listed, with its default."""
    rows = dict((name, default) for name, default, _ in conf_doc.aio_variables())
    assert rows["MAGNUM_UI_API_PORT"] == "`9511`"
    assert rows["MAGNUM_UI_STATE_DIR"] == "`<repository>/.state`"
    assert len(rows) >= 8
