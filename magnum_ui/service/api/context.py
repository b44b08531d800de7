"""Who is asking: the identity keystonemiddleware put in the request headers."""

from __future__ import annotations

from django.http import HttpRequest

from magnum_ui.service.context import RequestContext


def from_request(request: HttpRequest) -> RequestContext | None:
    """The caller's context, or None when Keystone did not confirm the token."""
    meta = request.META
    if meta.get("HTTP_X_IDENTITY_STATUS") != "Confirmed":
        return None
    project_id = meta.get("HTTP_X_PROJECT_ID")
    if not project_id:
        return None
    roles = tuple(r.strip() for r in meta.get("HTTP_X_ROLES", "").split(",") if r.strip())
    return RequestContext(
        user_id=meta.get("HTTP_X_USER_ID", ""),
        project_id=project_id,
        roles=roles,
        auth_token=meta.get("HTTP_X_AUTH_TOKEN", ""),
    )


def get(request: HttpRequest) -> RequestContext:
    """The context the middleware attached (views run only when there is one)."""
    context: RequestContext = request.magnum_context
    return context
