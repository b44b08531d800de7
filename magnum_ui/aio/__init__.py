"""The all-in-one local cloud: ``make run`` (``python -m magnum_ui.aio run``).

It brings up, on 127.0.0.1 and with every file under one state directory, a
private PostgreSQL, real Keystone, the service API and Horizon with this
plugin, supervises them, and stops them all on Ctrl-C or ``make stop``.
"""
