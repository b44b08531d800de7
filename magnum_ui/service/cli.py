"""``magnum-ui-api``: prepare the database and serve the API with gunicorn.

Usage: ``magnum-ui-api [--config-file PATH] [serve|migrate|registry-tokens]``.
``serve`` (the default) runs the migrations first, so one command starts a
fresh service.  ``registry-tokens`` serves the image registry's token service
alone (no database) on ``[registry] token_host:token_port``.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from magnum_ui.service import conf

# Seconds an idle keep-alive connection stays open.  Longer than any pause of the
# API's clients (the dashboard's tables poll every 2 or 10 s): gunicorn's default,
# 2 s, closed connections just as a client reused them after a 2 s pause, and that
# call failed with "Remote end closed connection without response".
KEEP_ALIVE_SECONDS = 75


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="magnum-ui-api", description=__doc__)
    parser.add_argument("--config-file", help="service configuration (INI)")
    parser.add_argument(
        "command", nargs="?", default="serve", choices=["serve", "migrate", "registry-tokens"]
    )
    args = parser.parse_args(argv)
    if args.config_file:
        os.environ["MAGNUM_UI_CONFIG"] = os.path.abspath(args.config_file)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magnum_ui.service.settings")
    try:
        config = conf.load()
    except conf.ConfigError as exc:
        print(f"magnum-ui-api: {exc}", file=sys.stderr)
        return 2
    if args.command == "registry-tokens":
        return _serve_registry_tokens(config)

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    if args.command == "migrate":
        return 0
    # gunicorn forks its workers from this process: a database connection
    # left open by migrate would be shared by all of them, and their
    # interleaved queries would read each other's answers.
    from django.db import connections

    connections.close_all()

    from gunicorn.app.wsgiapp import run

    sys.argv = [
        "magnum-ui-api",
        "--bind", f"{config.api.host}:{config.api.port}",
        "--workers", str(config.api.workers),
        # Threads, not one request per process: an idle or slow client waits in the
        # worker's poller instead of taking the worker (gunicorn's gthread).
        "--worker-class", "gthread", "--threads", str(config.api.threads),
        "--keep-alive", str(KEEP_ALIVE_SECONDS),
        "--no-control-socket",
        "--access-logfile", "-",
        "magnum_ui.service.wsgi:application",
    ]  # fmt: skip
    run()
    return 0


def _serve_registry_tokens(config: Any) -> int:
    from gunicorn.app.wsgiapp import run

    sys.argv = [
        "magnum-ui-api",
        "--bind", f"{config.registry.token_host}:{config.registry.token_port}",
        "--workers", "1", "--worker-class", "gthread", "--threads", "8",
        # --preload: a bad key file or setting stops the start, not the first request.
        "--preload", "--no-control-socket", "--access-logfile", "-",
        "magnum_ui.service.api.registry_tokens:build_application()",
    ]  # fmt: skip
    run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
