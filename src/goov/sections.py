"""The four top-level sections of a GOOV site."""

from dataclasses import dataclass
from plone import api
from plone.dexterity.utils import createContentInContainer


@dataclass(frozen=True)
class Section:
    id: str
    portal_type: str
    title: str
    description: str
    public: bool = False


SECTIONS = (
    Section(
        "signalen", "SignalFolder", "Signalen", "Straatsignalen van professionals."
    ),
    Section(
        "dossiers",
        "DossierFolder",
        "Dossiers",
        "Casussen waarin signalen worden gebundeld.",
    ),
    Section(
        "overleggen",
        "MeetingFolder",
        "Overleggen",
        "Multidisciplinaire casusoverleggen.",
    ),
    Section(
        "platform",
        "Folder",
        "Platform OOV",
        "Webinars, trainingen en workshops over de gebiedsgerichte aanpak.",
        public=True,
    ),
)


def ensure_sections() -> list[str]:
    """Create missing sections; return the ids created.

    Section types are not addable anywhere through the UI (global_allow is off), so
    they are created here without the add constraints.
    """
    portal = api.portal.get()
    created = []
    with api.env.adopt_roles(["Manager"]):
        for section in SECTIONS:
            if section.id in portal.objectIds():
                continue
            obj = createContentInContainer(
                portal,
                section.portal_type,
                checkConstraints=False,
                id=section.id,
                title=section.title,
                description=section.description,
            )
            if section.public:
                api.content.transition(obj=obj, transition="publish")
                open_to_editors(obj)
            created.append(section.id)
    return created


# Stock Plone gives Editor neither add nor review permissions: grant them on the
# public section only, so editors (global or local) publish there and nowhere else.
EDITOR_PERMISSIONS = (
    "Add portal content",
    "plone.app.contenttypes: Add Event",
    "plone.app.contenttypes: Add Document",
    "plone.app.contenttypes: Add File",
    "plone.app.contenttypes: Add Image",
    "plone.app.contenttypes: Add Folder",
    "Review portal content",
)


def open_to_editors(platform) -> None:
    for permission in EDITOR_PERMISSIONS:
        roles = {
            r["name"] for r in platform.rolesOfPermission(permission) if r["selected"]
        }
        platform.manage_permission(permission, sorted(roles | {"Editor"}), acquire=True)
    platform.setLayout("platform-agenda")
