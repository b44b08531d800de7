"""Django settings of the service half, derived from :mod:`magnum_ui.service.conf`."""

from __future__ import annotations

from magnum_ui.service import conf

CONF = conf.load()

# The API keeps no sessions and signs nothing; Django still wants a key.
SECRET_KEY = "magnum-ui-service-signs-nothing"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
USE_TZ = True
TIME_ZONE = "UTC"
APPEND_SLASH = False

INSTALLED_APPS = ["magnum_ui.service"]
MIDDLEWARE = [
    "magnum_ui.service.api.middleware.ServiceErrorMiddleware",
    "magnum_ui.service.api.middleware.KeystoneContextMiddleware",
    "magnum_ui.service.api.middleware.MicroversionMiddleware",
]
ROOT_URLCONF = "magnum_ui.service.api.urls"
DATABASES = {"default": conf.database_settings(CONF.database.connection)}
DATA_UPLOAD_MAX_MEMORY_SIZE = CONF.api.max_request_body_size
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
