"""``magnum-ui-conductor [--config-file PATH]``: run one conductor in the foreground.

It logs to stderr and stops on SIGTERM or Ctrl-C, which suits systemd
(``Type=simple``) and the all-in-one's supervisor alike.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from magnum_ui.service import conf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="magnum-ui-conductor", description=__doc__)
    parser.add_argument("--config-file", help="service configuration (INI)")
    args = parser.parse_args(argv)
    if args.config_file:
        os.environ["MAGNUM_UI_CONFIG"] = os.path.abspath(args.config_file)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magnum_ui.service.settings")
    try:
        conf.load()
    except conf.ConfigError as exc:
        print(f"magnum-ui-conductor: {exc}", file=sys.stderr)
        return 2
    if not conf.CONF.crypto.encryption_key:
        print("magnum-ui-conductor: [crypto] encryption_key is not set", file=sys.stderr)
        return 2

    import django

    django.setup()
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    from magnum_ui.service.conductor.service import Conductor

    Conductor().run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
