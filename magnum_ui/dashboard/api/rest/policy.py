"""``/api/container_infra/policy/``: many policy questions in one request.

Horizon's ``/api/policy/`` answers one question per request, and a panel
asks one per action (a table of bays asks nine).  The browser sends the
questions of one turn here together; each is Horizon's own check (the same
rules, the same target), answered in order.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.views import generic
from openstack_dashboard import policy
from openstack_dashboard.api.rest import urls, utils

from magnum_ui.dashboard.api.rest import json_object, required

# More in one request is not a panel asking.
MOST_QUESTIONS = 100

Rules = tuple[tuple[str, str], ...]


@urls.register
class Policy(generic.View):
    url_regex = r"container_infra/policy/$"

    @utils.ajax(data_required=True)
    def post(self, request: HttpRequest) -> dict[str, Any]:
        """``{"questions": [{"rules": [[scope, rule], ...], "target": {...}}, ...]}``.

        Answers ``{"allowed": [true | false, ...]}``, one per question: each
        true when every rule of it allows the user, for that target.
        """
        questions = required(json_object(request.DATA), "questions", list)
        if len(questions) > MOST_QUESTIONS:
            raise utils.AjaxError(400, f"At most {MOST_QUESTIONS} questions at a time.")
        parsed = [_question(asked) for asked in questions]
        return {"allowed": [bool(policy.check(rules, request, target)) for rules, target in parsed]}


def _question(asked: Any) -> tuple[Rules, dict[str, Any]]:
    question = json_object(asked)
    rules = required(question, "rules", list)
    if not rules or not all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
        for pair in rules
    ):
        raise utils.AjaxError(400, "rules must be a list of [scope, rule] pairs.")
    target = question.get("target") or {}
    if not isinstance(target, dict):
        raise utils.AjaxError(400, "target must be an object.")
    return tuple((scope, rule) for scope, rule in rules), target
