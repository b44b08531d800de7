"""Horizon configuration the plugin ships: its policy files for the ``container-infra`` scope.

Horizon checks rules such as ``[['container-infra', 'cluster:create']]``
against the files named in its ``POLICY_FILES`` and ``DEFAULT_POLICY_FILES``
settings.  Both files here are generated from the service's own oslo.policy
rules (:mod:`magnum_ui.docs.policy_files`), so the buttons Horizon shows match what the
service allows.  Add them to Horizon's settings with :func:`register`::

    from magnum_ui.dashboard import conf
    conf.register(globals())   # in a local_settings.d snippet
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

POLICY_SCOPE = "container-infra"
CONF_DIR = Path(__file__).resolve().parent
# What an operator may edit: every rule, commented out (its default applies).
POLICY_FILE = CONF_DIR / "container-infra_policy.yaml"
# The defaults with their descriptions, as Horizon's conf/default_policies/*.yaml.
DEFAULT_POLICY_FILE = CONF_DIR / "default_policies" / "container-infra.yaml"


def register(settings: dict[str, Any]) -> None:
    """Name the files in Horizon's settings (absolute paths: Horizon's path join keeps them)."""
    settings["POLICY_FILES"] = {**settings.get("POLICY_FILES", {}), POLICY_SCOPE: str(POLICY_FILE)}
    settings["DEFAULT_POLICY_FILES"] = {
        **settings.get("DEFAULT_POLICY_FILES", {}),
        POLICY_SCOPE: str(DEFAULT_POLICY_FILE),
    }
