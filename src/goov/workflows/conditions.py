"""Guard adapters: workflow XML calls object.wf_conditions().<guard>()."""

from goov.content.action import IAction
from goov.content.dossier import IDossier
from goov.content.signal import ISignal
from goov.domain import action as action_rules
from goov.domain import dossier as dossier_rules
from plone import api
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface


class ISignalWfConditions(Interface):
    def can_link():
        """The signal has a dossier to be linked to."""

    def can_unlink():
        """The signal no longer has a dossier."""


class IDossierWfConditions(Interface):
    def can_activate():
        """Legal basis and purpose are recorded."""

    def can_close():
        """Every action is done or cancelled and a result is recorded."""

    def closing_blockers():
        """Why the dossier cannot be closed (list of str)."""


class IActionWfConditions(Interface):
    def can_complete():
        """A result is recorded."""


@implementer(ISignalWfConditions)
@adapter(ISignal)
class SignalWfConditions:
    # Guard expressions run as restricted Python.
    __allow_access_to_unprotected_subobjects__ = True

    def __init__(self, context):
        self.context = context

    def can_link(self) -> bool:
        return bool(self.context.dossier)

    def can_unlink(self) -> bool:
        return not self.context.dossier


@implementer(IDossierWfConditions)
@adapter(IDossier)
class DossierWfConditions:
    # Guard expressions run as restricted Python.
    __allow_access_to_unprotected_subobjects__ = True

    def __init__(self, context):
        self.context = context

    def activation_blockers(self) -> list[str]:
        c = self.context
        return dossier_rules.activation_blockers(
            c.legal_basis, c.purpose, c.legal_basis_explanation
        )

    def can_activate(self) -> bool:
        return not self.activation_blockers()

    def action_states(self) -> list[str]:
        # Unrestricted on purpose: a hidden open action must still block closing.
        return [
            api.content.get_state(obj=obj)
            for obj in self.context.objectValues()
            if IAction.providedBy(obj)
        ]

    def closing_blockers(self) -> list[str]:
        return dossier_rules.closing_blockers(self.action_states(), self.context.result)

    def can_close(self) -> bool:
        return not self.closing_blockers()


@implementer(IActionWfConditions)
@adapter(IAction)
class ActionWfConditions:
    # Guard expressions run as restricted Python.
    __allow_access_to_unprotected_subobjects__ = True

    def __init__(self, context):
        self.context = context

    def can_complete(self) -> bool:
        return action_rules.may_complete(self.context.result)
