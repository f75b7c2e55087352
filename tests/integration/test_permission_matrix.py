"""The installed workflows against the checked-in permission matrix."""

from pathlib import Path

import pytest
import yaml


SPEC = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "permission_matrix.yaml").read_text()
)
BINDINGS = {
    "SignalFolder": "goov_section_workflow",
    "DossierFolder": "goov_section_workflow",
    "MeetingFolder": "goov_section_workflow",
    "Signal": "goov_signal_workflow",
    "Dossier": "goov_dossier_workflow",
    "Action": "goov_action_workflow",
    "Meeting": "goov_meeting_workflow",
}
CASES = [
    (wf_id, state, permission, roles)
    for wf_id, states in SPEC.items()
    for state, permissions in states.items()
    for permission, roles in permissions.items()
]


@pytest.mark.parametrize("portal_type,wf_id", sorted(BINDINGS.items()))
def test_binding(portal, portal_type, wf_id):
    assert portal.portal_workflow.getChainForPortalType(portal_type) == (wf_id,)


def test_agenda_items_follow_their_meeting(portal):
    assert portal.portal_workflow.getChainForPortalType("AgendaItem") == ()


@pytest.mark.parametrize("wf_id", sorted(SPEC))
def test_states_and_no_bypass(portal, wf_id):
    wf = portal.portal_workflow[wf_id]
    assert set(wf.states.objectIds()) == set(SPEC[wf_id])
    assert wf.manager_bypass is False or wf.manager_bypass == 0


@pytest.mark.parametrize("wf_id,state,permission,roles", CASES)
def test_matrix(portal, wf_id, state, permission, roles):
    state_def = portal.portal_workflow[wf_id].states[state]
    info = state_def.getPermissionInfo(permission)
    assert info["acquired"] is False or info["acquired"] == 0
    assert sorted(info["roles"]) == roles


@pytest.mark.parametrize("wf_id", sorted(SPEC))
def test_every_managed_permission_is_specified(portal, wf_id):
    wf = portal.portal_workflow[wf_id]
    for state in SPEC[wf_id].values():
        assert set(state) == set(wf.permissions)


def test_view_equals_access_contents_information_everywhere(portal):
    """The catalog filters on View; traversal checks ACI: they must agree."""
    for wf_id in [
        w for w in portal.portal_workflow.objectIds() if w.startswith("goov")
    ]:
        wf = portal.portal_workflow[wf_id]
        for state in wf.states.objectValues():
            view = state.getPermissionInfo("View")
            aci = state.getPermissionInfo("Access contents information")
            assert sorted(view["roles"]) == sorted(aci["roles"]), (wf_id, state.id)


def test_transitions(portal):
    expected = {
        "goov_signal_workflow": {
            "triage",
            "link",
            "unlink",
            "close",
            "reject",
            "reopen",
        },
        "goov_dossier_workflow": {
            "analyse",
            "activate",
            "monitor",
            "back_to_active",
            "close",
            "reopen",
        },
        "goov_action_workflow": {"start", "complete", "cancel", "reopen"},
        "goov_meeting_workflow": {"hold", "finalize"},
    }
    for wf_id, transitions in expected.items():
        wf = portal.portal_workflow[wf_id]
        assert set(wf.transitions.objectIds()) == transitions
