"""Magnum UI: container cluster deployment for the OpenStack dashboard.

Two halves that never leak into each other:

* :mod:`magnum_ui.dashboard` — the Horizon plugin (may import Horizon);
* :mod:`magnum_ui.service` — the bundled Magnum v1-compatible API and its
  conductor (never imports Horizon nor the dashboard half).

:mod:`magnum_ui.aio` runs both, with real Keystone, on one machine.
"""
