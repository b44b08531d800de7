"""The Quotas panel is an AngularJS view: Django serves the page shell."""

from django.urls import re_path
from django.utils.translation import gettext_lazy as _
from horizon.browsers import views

urlpatterns = [
    re_path(r"^$", views.AngularIndexView.as_view(title=_("Quotas")), name="index"),
]
