"""gunicorn entry for Horizon in the all-in-one, serving its static files too."""

from django.conf import settings
from openstack_dashboard.wsgi import application as horizon_application
from whitenoise import WhiteNoise

application = WhiteNoise(
    horizon_application,
    root=settings.STATIC_ROOT,
    prefix=settings.STATIC_URL,
    max_age=3600,
)
