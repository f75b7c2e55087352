"""The demo municipality: partner organisations and one user per role."""

from dataclasses import dataclass


DEMO_PASSWORD = "goov-demo"  # noqa: S105 - demo only, printed at start


@dataclass(frozen=True)
class Partner:
    slug: str
    title: str


@dataclass(frozen=True)
class DemoUser:
    userid: str
    fullname: str
    roles: tuple[str, ...]
    partners: tuple[str, ...]
    description: str
    groups: tuple[str, ...] = ()


PARTNERS = (
    Partner("gemeente", "Gemeente Haarlem"),
    Partner("politie", "Politie Kennemerland"),
    Partner("woningcorporatie", "Woningcorporatie Elan Wonen"),
    Partner("wijkteam", "Sociaal wijkteam"),
    Partner("handhaving", "Handhaving (BOA's)"),
    Partner("ggd", "GGD Kennemerland"),
)

EDITORS_GROUP = "redactie"

USERS = (
    DemoUser(
        "regisseur",
        "Rianne de Regisseur",
        ("Regisseur",),
        ("gemeente",),
        "regisseur (gemeente)",
    ),
    DemoUser(
        "politie",
        "Pieter Politie",
        ("Professional",),
        ("politie",),
        "professional (politie)",
    ),
    DemoUser(
        "woning",
        "Wendy Woning",
        ("Professional",),
        ("woningcorporatie",),
        "professional (woningcorporatie)",
    ),
    DemoUser(
        "handhaver",
        "Hans Handhaver",
        ("Professional",),
        ("handhaving",),
        "professional (handhaving)",
    ),
    DemoUser(
        "wijkteam",
        "Wim Wijkteam",
        ("Professional",),
        ("wijkteam",),
        "coördinator (wijkteam)",
        groups=("coordinators-wijkteam",),
    ),
    DemoUser(
        "analist",
        "Anna Analist",
        ("Analyst",),
        ("gemeente",),
        "analist (managementinformatie)",
    ),
    DemoUser(
        "privacy",
        "Priya Privacy",
        ("PrivacyOfficer",),
        ("gemeente",),
        "functionaris gegevensbescherming",
    ),
    DemoUser(
        "redacteur",
        "Ruud Redacteur",
        (),
        (),
        "redacteur Platform OOV",
        groups=(EDITORS_GROUP,),
    ),
)
