"""The bundled Magnum v1-compatible service (API, storage, conductor).

This half never imports Horizon or :mod:`magnum_ui.dashboard`; ruff's
banned-api rule (TID251 in ``pyproject.toml``) enforces it.
"""
