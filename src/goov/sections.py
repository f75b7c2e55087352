"""The four top-level sections of a GOOV site."""

from dataclasses import dataclass
from plone import api


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    description: str
    public: bool = False


SECTIONS = (
    Section("signalen", "Signalen", "Straatsignalen van professionals."),
    Section("dossiers", "Dossiers", "Casussen waarin signalen worden gebundeld."),
    Section("overleggen", "Overleggen", "Multidisciplinaire casusoverleggen."),
    Section(
        "platform",
        "Platform OOV",
        "Webinars, trainingen en workshops over de gebiedsgerichte aanpak.",
        public=True,
    ),
)


def ensure_sections() -> list[str]:
    """Create missing sections; return the ids created."""
    portal = api.portal.get()
    created = []
    for section in SECTIONS:
        if section.id in portal.objectIds():
            continue
        obj = api.content.create(
            container=portal,
            type="Folder",
            id=section.id,
            title=section.title,
            description=section.description,
            safe_id=False,
        )
        if section.public:
            api.content.transition(obj=obj, transition="publish")
        created.append(section.id)
    return created
