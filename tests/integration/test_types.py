"""Per type: FTI, factory, schema, add permission and allowed parents."""

from plone import api
from plone.dexterity.interfaces import IDexterityFTI
from plone.dexterity.utils import createContentInContainer
from zope.component import queryUtility

import datetime
import pytest


TYPES = {
    "Signal": ("goov.content.signal.ISignal", "goov.AddSignal", "SignalFolder"),
    "Dossier": ("goov.content.dossier.IDossier", "goov.AddDossier", "DossierFolder"),
    "Action": ("goov.content.action.IAction", "goov.AddAction", "Dossier"),
    "Meeting": ("goov.content.meeting.IMeeting", "goov.AddMeeting", "MeetingFolder"),
    "AgendaItem": (
        "goov.content.agenda_item.IAgendaItem",
        "goov.AddAgendaItem",
        "Meeting",
    ),
}


@pytest.mark.parametrize("portal_type", sorted(TYPES))
def test_fti(portal, portal_type):
    schema, permission, parent = TYPES[portal_type]
    fti = queryUtility(IDexterityFTI, name=portal_type)
    assert fti is not None
    assert fti.schema == schema
    assert fti.add_permission == permission
    assert fti.model_source in (None, "")
    assert not fti.global_allow
    parent_fti = queryUtility(IDexterityFTI, name=parent)
    assert portal_type in parent_fti.allowed_content_types
    for other in set(TYPES) | {"SignalFolder", "DossierFolder", "MeetingFolder"}:
        if other != parent:
            other_fti = queryUtility(IDexterityFTI, name=other)
            assert portal_type not in other_fti.allowed_content_types or (
                portal_type == "Signal" and other == "SignalFolder"
            )


def test_dossier_is_workspace(portal):
    fti = queryUtility(IDexterityFTI, name="Dossier")
    assert "collective.workspace.team_workspace" in fti.behaviors


def make_dossier(container, user="regisseur", **kw):
    values = {
        "title": "Familie X",
        "kind": "family",
        "legal_basis": "wgs",
        "purpose": "Zorg en veiligheid rond het gezin",
    }
    values.update(kw)
    if user is None:
        return api.content.create(container=container, type="Dossier", **values)
    with api.env.adopt_user(username=user):
        return api.content.create(container=container, type="Dossier", **values)


class TestCreation:
    def test_signal_gets_neutral_id_title_and_partner(self, portal):
        with api.env.adopt_user(username="politie"):
            signal = createContentInContainer(
                portal["signalen"],
                "Signal",
                category="drugs",
                description="Hennepgeur bij Jansen",
                address="Grote Markt 1, Haarlem",
                observed_at=datetime.datetime(2026, 11, 20, 14, 0),
            )
        assert signal.getId().startswith("signal-")
        assert signal.title == "Drugs / hennep · 20-11-2026"
        assert signal.reporting_partner == "partner-politie"
        assert api.content.get_state(signal) == "new"
        assert "Jansen" not in signal.Description()

    def test_dossier_id_has_no_personal_data(self, portal):
        dossier = make_dossier(portal["dossiers"], title="Familie Jansen")
        assert "jansen" not in dossier.getId()
        assert api.content.get_state(dossier) == "intake"

    @pytest.mark.parametrize("section", ["signalen", "overleggen", "platform"])
    def test_dossier_not_addable_elsewhere(self, portal, section):
        with (
            api.env.adopt_roles(["Manager"]),
            pytest.raises(api.exc.InvalidParameterError),
        ):
            make_dossier(portal[section], user=None)

    def test_signal_not_addable_in_dossiers(self, portal):
        with api.env.adopt_roles(["Manager"]), pytest.raises(ValueError):
            createContentInContainer(portal["dossiers"], "Signal", category="drugs")

    def test_action_and_agenda_item(self, portal):
        dossier = make_dossier(portal["dossiers"])
        with api.env.adopt_user(username="regisseur"):
            self._create_action_and_item(portal, dossier)

    def _create_action_and_item(self, portal, dossier):
        action = api.content.create(
            container=dossier,
            type="Action",
            title="Huisbezoek",
            assigned_partner="partner-wijkteam",
            due_date=datetime.date(2026, 12, 1),
        )
        assert api.content.get_state(action) == "open"
        meeting = api.content.create(
            container=portal["overleggen"],
            type="Meeting",
            title="Casusoverleg Schalkwijk",
        )
        item = api.content.create(
            container=meeting,
            type="AgendaItem",
            title="Familie X",
            dossier=dossier.UID(),
        )
        assert api.content.get_state(meeting) == "planned"
        assert item.aq_parent == meeting
