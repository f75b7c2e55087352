"""Demo case content: signals, a dossier with roster and actions, a meeting.

Created as the demo users themselves, so ownership, reporting partners and
workflow history look like real use.
"""

from datetime import date
from datetime import datetime
from datetime import timedelta
from goov.linking import link_signals
from goov.workspace.roster import add_member
from plone import api
from plone.dexterity.utils import createContentInContainer

import pytz


# (reporter, category, wijk code, lat, lon, days ago, text, urgent)
SIGNALS = (
    (
        "politie",
        "drugs",
        "01",
        52.383121,
        4.63736,
        12,
        "Sterke hennepgeur uit bovenwoning, ramen afgeplakt.",
        False,
    ),
    (
        "woning",
        "woonfraude",
        "01",
        52.38330,
        4.63770,
        9,
        "Veel wisselende bewoners, vermoedelijk kamerverhuur.",
        False,
    ),
    (
        "handhaver",
        "verloedering",
        "01",
        52.38290,
        4.63700,
        6,
        "Afval en inbraaksporen bij achterdeur.",
        False,
    ),
    (
        "politie",
        "verward_gedrag",
        "13",
        52.415821,
        4.645178,
        3,
        "Man schreeuwt op straat en bedreigt voorbijgangers.",
        True,
    ),
    (
        "woning",
        "woonoverlast",
        "13",
        52.41560,
        4.64490,
        2,
        "Geluidsoverlast en ruzies, buren klagen.",
        False,
    ),
    (
        "wijkteam",
        "zorgmijding",
        "01",
        52.38315,
        4.63745,
        1,
        "Gezin weigert hulp, kinderen niet op school.",
        False,
    ),
)


def _signal(portal, reporter, category, wijk, lat, lon, days, text, urgent):
    observed = datetime.now(pytz.timezone("Europe/Amsterdam")) - timedelta(days=days)
    with api.env.adopt_user(username=reporter):
        return createContentInContainer(
            portal["signalen"],
            "Signal",
            category=category,
            description=text,
            latitude=lat,
            longitude=lon,
            wijk=wijk,
            observed_at=observed.replace(microsecond=0),
            urgent=urgent,
            source="app",
        )


def load_cases(portal) -> dict:
    signals = [_signal(portal, *row) for row in SIGNALS]
    with api.env.adopt_user(username="regisseur"):
        dossier = api.content.create(
            container=portal["dossiers"],
            type="Dossier",
            title="Bovenwoning Oude Stad",
            kind="address",
            wijk="01",
            risk_level="high",
            legal_basis="wgs",
            purpose="Ondermijning en zorg rond één adres in samenhang aanpakken.",
            goals=["Hennepkwekerij beëindigen", "Gezin in zorg"],
            regisseur="regisseur",
        )
        for principal in (
            "partner-politie",
            "partner-woningcorporatie",
            "partner-wijkteam",
        ):
            add_member(dossier, principal)
        link_signals(dossier, [s.UID() for s in (signals[0], signals[1], signals[5])])
        api.content.transition(obj=dossier, transition="analyse")
        api.content.transition(obj=dossier, transition="activate")
        for title, partner, days in (
            ("Bestuurlijke rapportage opstellen", "partner-politie", 14),
            ("Huurcontract en bewoning controleren", "partner-woningcorporatie", -3),
            ("Huisbezoek en hulpaanbod gezin", "partner-wijkteam", 7),
        ):
            api.content.create(
                container=dossier,
                type="Action",
                title=title,
                assigned_partner=partner,
                due_date=date.today() + timedelta(days=days),
            )
        start = datetime.now(pytz.timezone("Europe/Amsterdam")).replace(
            hour=9, minute=30, second=0, microsecond=0
        ) + timedelta(days=7)
        meeting = api.content.create(
            container=portal["overleggen"],
            type="Meeting",
            title="Casusoverleg Centrum",
            start=start,
            end=start + timedelta(hours=2),
            location="Stadhuis, kamer 2.14",
            chair="regisseur",
            invited_partners=[
                "partner-politie",
                "partner-woningcorporatie",
                "partner-wijkteam",
            ],
        )
        api.content.create(
            container=meeting,
            type="AgendaItem",
            title="Bovenwoning Oude Stad",
            dossier=dossier.UID(),
        )
    return {"signals": len(signals), "dossiers": 1, "meetings": 1}
