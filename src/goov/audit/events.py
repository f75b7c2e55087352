"""What a request did to case data, read off a finished publication."""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from goov.content.action import IAction
from goov.content.agenda_item import IAgendaItem
from goov.content.dossier import IDossier
from goov.content.meeting import IMeeting
from goov.content.signal import ISignal
from goov.domain.partners import partners_among
from plone.base.interfaces import IPloneSiteRoot


CASE_TYPES = (ISignal, IDossier, IAction, IMeeting, IAgendaItem)
CASE_SECTIONS = ("/signalen", "/dossiers", "/overleggen")
SEARCHES = (
    "@search",
    "@signals",
    "@my-actions",
    "@@regie",
    "regie",
    "@reports",
    "@@reports",
)
SERVICE_ACTIONS = {
    "@workflow": "transition",
    "@link-signals": "link",
    "@unlink-signals": "link",
    "@members": "share",
    "@decisions": "create",
    "@registrations": "export",
}
METHOD_ACTIONS = {
    "GET": "view",
    "HEAD": "view",
    "PATCH": "modify",
    "PUT": "modify",
    "DELETE": "delete",
}


def is_case(obj) -> bool:
    return any(iface.providedBy(obj) for iface in CASE_TYPES)


def case_object(request):
    """The case content a request was about, if any."""
    published = request.get("PUBLISHED")
    candidates = [getattr(published, "context", None), published]
    candidates += list(request.get("PARENTS", [])[:2])
    for candidate in candidates:
        if candidate is not None and is_case(candidate):
            return aq_inner(candidate)
    return None


def dossier_uid(obj) -> str | None:
    if IDossier.providedBy(obj):
        return obj.UID()
    if ISignal.providedBy(obj) or IAgendaItem.providedBy(obj):
        return obj.dossier
    if IAction.providedBy(obj):
        parent = aq_parent(obj)
        return parent.UID() if IDossier.providedBy(parent) else None
    return None


def who(request) -> tuple[str | None, str | None]:
    user = request.get("AUTHENTICATED_USER")
    if user is None or user.getUserName() == "Anonymous User":
        return None, None
    groups = user.getGroups() if hasattr(user, "getGroups") else []
    return user.getId(), ",".join(partners_among(groups)) or None


def service_name(request) -> str:
    url = request.get("ACTUAL_URL", "") or request.get("URL", "")
    for part in reversed(url.split("/")):
        if part.startswith("@"):
            return part
    return ""


def classify(request, status: int) -> str:
    name = service_name(request)
    for prefix, action in SERVICE_ACTIONS.items():
        if name.startswith(prefix) and request.method != "GET":
            return action
    if request.method == "POST":
        return "create" if status == 201 else "modify"
    return METHOD_ACTIONS.get(request.method, "view")


def describe(obj) -> dict:
    return {
        "object": obj.UID(),
        "path": "/".join(obj.getPhysicalPath()),
        "type": aq_base(obj).portal_type,
        "dossier": dossier_uid(obj),
    }


def created_object(request):
    """After a 201, the new content named by the Location header."""
    location = request.response.getHeader("Location") or ""
    if not location:
        return None
    for candidate in request.get("PARENTS", []):
        if IPloneSiteRoot.providedBy(candidate):
            base = candidate.absolute_url()
            if location.startswith(base):
                found = candidate.unrestrictedTraverse(
                    location[len(base) :].lstrip("/"), None
                )
                return found if found is not None and is_case(found) else None
    return None


def is_search(request, published) -> bool:
    context = getattr(published, "context", None)
    return IPloneSiteRoot.providedBy(context) and service_name(request) in SEARCHES


def in_case_section(request) -> bool:
    path = request.get("PATH_INFO", "")
    return any(section in path for section in CASE_SECTIONS)
