"""GET /@my-actions: my partner's actions, sorted by due date, with overdue."""

from goov.domain.action import STATES
from goov.my_actions import my_actions
from plone import api
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service
from zExceptions import BadRequest
from zExceptions import Unauthorized


class MyActionsGet(Service):
    def reply(self) -> dict:
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see your actions")
        states = self.request.form.get("state")
        if states:
            states = [states] if isinstance(states, str) else list(states)
            if set(states) - set(STATES):
                raise BadRequest("state: unknown state")
        items = json_compatible(my_actions(api.user.get_current(), states))
        return {
            "@id": f"{self.context.absolute_url()}/@my-actions",
            "items": items,
            "items_total": len(items),
        }
