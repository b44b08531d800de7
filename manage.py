#!/usr/bin/env python3
"""Django management for the service half (migrations, shell, checks).

The dashboard half runs inside Horizon; its management commands go through
``python -m magnum_ui.aio`` (collectstatic, compress) in the all-in-one.
"""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magnum_ui.service.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
