"""gunicorn entry for Keystone.

Keystone's configuration parser reads ``sys.argv``; under gunicorn that holds
gunicorn's own flags, so they are hidden before Keystone loads.  The
configuration file comes from ``OS_KEYSTONE_CONFIG_FILES``.
"""

import sys

sys.argv = sys.argv[:1]

from keystone.server.wsgi import initialize_public_application  # noqa: E402

application = initialize_public_application()
