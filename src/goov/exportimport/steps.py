"""Export a whole GOOV site into a directory, and import it into a fresh site.

The directory holds collective.exportimport's files (members.json, content.json,
localroles.json, relations.json, ordering.json, defaultpages.json) and goov.json
(goov's registry records, site secret, intake keys, the source's section UIDs and
the counts). content.json is collective.exportimport's @@export_content format; each
item may carry an extra "goov" key with what is not a schema field.

Run as a site manager (Manager sees and may write every field of every state).
The import commits content in collective.exportimport's own way (one commit after
the content) and leaves the final commit to the caller.
"""

from Acquisition import aq_base
from BTrees.OOBTree import OOBTree
from collective.exportimport.export_content import ExportContent
from collective.exportimport.export_other import ExportDefaultPages
from collective.exportimport.export_other import ExportLocalRoles
from collective.exportimport.export_other import ExportMembers
from collective.exportimport.export_other import ExportOrdering
from collective.exportimport.export_other import ExportRelations
from collective.exportimport.import_content import ImportContent
from collective.exportimport.import_other import ImportDefaultPages
from collective.exportimport.import_other import ImportLocalRoles
from collective.exportimport.import_other import ImportMembers
from collective.exportimport.import_other import ImportOrdering
from collective.exportimport.import_other import ImportRelations
from collective.exportimport.interfaces import IBase64BlobsMarker
from collective.exportimport.interfaces import IMigrationMarker
from collective.workspace.interfaces import IHasWorkspace
from collective.workspace.interfaces import IWorkspace
from collective.workspace.pas import add_group
from collective.workspace.pas import get_workspace_groups_plugin
from DateTime import DateTime
from datetime import datetime
from datetime import timezone
from goov import logger
from goov.content.agenda_item import IAgendaItem
from goov.content.dossier import IDossier
from goov.content.signal import ISignal
from goov.exportimport.codec import decode
from goov.exportimport.codec import encode
from goov.exportimport.codec import NotExportable
from goov.intake import KEYS_ATTR
from goov.interfaces import IBrowserLayer
from goov.registrations import KEY as REGISTRATIONS_KEY
from goov.registrations import RegistrationBook
from goov.sections import SECTIONS
from pathlib import Path
from persistent.list import PersistentList
from plone import api
from plone.dexterity.utils import iterSchemata
from plone.namedfile.file import NamedBlobImage
from plone.registry.interfaces import IRegistry
from plone.uuid.interfaces import IUUID
from z3c.form.interfaces import IDataManager
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility
from zope.component import queryMultiAdapter
from zope.interface import alsoProvides
from zope.interface import noLongerProvides
from zope.schema import Datetime
from zope.schema import getFieldsInOrder

import ijson
import json
import pytz
import time
import transaction


FORMAT = 1
SITE_FILE = "goov.json"
PREFIX = "goov."  # registry records and portal annotations that are goov's
CASE_TYPES = ("Signal", "Dossier", "Action", "Meeting", "AgendaItem")
COMMIT_EVERY = 500


class ImportRefused(ValueError):
    """The target site or the export directory is not fit for an import."""


def _write_json(path: Path, data) -> None:
    with path.open("w", encoding="utf-8") as out:
        json.dump(data, out, indent=1, sort_keys=True)


def _read_json(path: Path):
    with path.open(encoding="utf-8") as source:
        return json.load(source)


def workspace_group_ids() -> set[str]:
    """Roster groups (Members:<UID> …): rebuilt from the rosters, not exported."""
    return set(get_workspace_groups_plugin().listGroupIds())


# --- export -----------------------------------------------------------------------


def goov_extras(obj) -> dict:
    """What collective.exportimport does not see: attributes outside the schema."""
    base = aq_base(obj)
    # Not every type has the ownership behavior: keep creators and owner anyway
    # (the Creator index lists a reporter's own signals).
    extras = {"creators": list(obj.listCreators()), "owner": obj.getOwnerTuple()}
    datetimes = datetime_fields(obj)
    if datetimes:
        extras["datetimes"] = datetimes
    if ISignal.providedBy(obj) and base.photos:
        extras["photos"] = [
            {
                "filename": photo.filename,
                "content-type": photo.contentType,
                "data": encode(photo.data),
            }
            for photo in base.photos
        ]
    if IDossier.providedBy(obj):
        extras["signal_uids"] = list(base.signal_uids or ())
        team = getattr(base, "_team", None)
        extras["roster"] = [encode(dict(data)) for data in (team or {}).values()]
        history = getattr(base, "roster_history", None)
        if history:
            extras["roster_history"] = encode(history)
    if IAgendaItem.providedBy(obj) and base.decision_log:
        extras["decision_log"] = encode(base.decision_log)
    annotations = IAnnotations(obj, None)
    book = annotations.get(REGISTRATIONS_KEY) if annotations is not None else None
    if book is not None:
        extras["registrations"] = {
            "entries": encode(book.entries),
            "tokens": encode(book.tokens),
            "registered": book.registered,
        }
    return extras


def _datetime_fields(obj):
    for schema in iterSchemata(obj):
        for name, field in getFieldsInOrder(schema):
            if isinstance(field, Datetime):
                manager = queryMultiAdapter((obj, field), IDataManager)
                if manager is not None:
                    yield name, manager


def datetime_fields(obj) -> dict:
    """Datetime fields as stored: naive or aware, and in which time zone.

    plone.restapi's deserializer stores a value naive-UTC or aware depending on
    the value it replaces (for a new object: the field default), and goov reads
    naive values as Europe/Amsterdam: without this, a round trip can shift a
    signal's observed_at by an hour.
    """
    result = {}
    for name, manager in _datetime_fields(obj):
        value = manager.query()
        if isinstance(value, datetime):
            zone = getattr(value.tzinfo, "zone", None) if value.tzinfo else None
            result[name] = {"value": value.isoformat(), "zone": zone}
    return result


def restore_datetimes(obj, values: dict) -> None:
    for name, manager in _datetime_fields(obj):
        if name not in values:
            continue
        value = datetime.fromisoformat(values[name]["value"])
        zone = values[name]["zone"]
        if zone and value.tzinfo is not None:
            tz = pytz.timezone(zone)
            value = tz.normalize(value.astimezone(tz))
        manager.set(value)


class GoovExportContent(ExportContent):
    """@@export_content with goov's hooks: sections stay, extras go along."""

    # goov's serializers add derived, per-viewer data: not content.
    DERIVED = ("similar", "police_sourced", "signals", "photos", "overdue")

    def __init__(self, context, request):
        super().__init__(context, request)
        portal = api.portal.get()
        self.section_paths = {
            "/".join(portal[s.id].getPhysicalPath()) for s in SECTIONS if s.id in portal
        }

    def global_obj_hook(self, obj):
        # The sections come with the goov profile; their contents are exported.
        if "/".join(obj.getPhysicalPath()) in self.section_paths:
            return None
        return obj

    def global_dict_hook(self, item, obj):
        for key in self.DERIVED:
            item.pop(key, None)
        extras = goov_extras(obj)
        if extras:
            item["goov"] = extras
        return item

    def items(self, portal_types: list[str]):
        """The export of @@export_content (blobs base-64, migration mode)."""
        self.portal_type = portal_types
        self.path = "/".join(self.context.getPhysicalPath())
        self.depth = -1
        self.include_blobs = 1
        self.include_revisions = False
        self.migration = True
        self.write_errors = False
        self.errors = []
        # plone.restapi's own serializers: goov's (IBrowserLayer) add derived,
        # per-viewer data and cost a similarity search per signal.
        layered = IBrowserLayer.providedBy(self.request)
        if layered:
            noLongerProvides(self.request, IBrowserLayer)
        alsoProvides(self.request, IBase64BlobsMarker, IMigrationMarker)
        try:
            self.start()
            yield from self.export_content()
            self.finish()
        finally:
            noLongerProvides(self.request, IBase64BlobsMarker)
            noLongerProvides(self.request, IMigrationMarker)
            if layered:
                alsoProvides(self.request, IBrowserLayer)


class GoovExportMembers(ExportMembers):
    """Users and groups without the roster groups (the rosters rebuild them)."""

    def export_groups(self):
        roster_groups = workspace_group_ids()
        return [g for g in super().export_groups() if g["groupid"] not in roster_groups]

    def _getUserData(self, userId):
        data = super()._getUserData(userId)
        roster_groups = workspace_group_ids()
        data["groups"] = [g for g in data["groups"] if g not in roster_groups]
        return data


def export_site_data(portal) -> dict:
    registry = getUtility(IRegistry)
    records = {}
    for name in sorted(registry.records.keys()):
        if name.startswith(PREFIX):
            records[name] = encode(registry[name])
    annotations = {}
    for key, value in IAnnotations(portal).items():
        if isinstance(key, str) and key.startswith(PREFIX):
            try:
                annotations[key] = encode(value)
            except NotExportable:
                logger.warning("export: portal annotation %s not exported", key)
    sections = {}
    for section in SECTIONS:
        obj = portal.get(section.id)
        if obj is None:
            continue
        data = {"uid": IUUID(obj)}
        keys = getattr(aq_base(obj), KEYS_ATTR, None)
        if keys is not None:
            data["client_keys"] = encode(keys)
        sections[section.id] = data
    return {
        "format": FORMAT,
        "source": portal.absolute_url(),
        "registry": records,
        "annotations": annotations,
        "sections": sections,
    }


def content_types(portal) -> list[str]:
    catalog = api.portal.get_tool("portal_catalog")
    types = catalog.uniqueValuesFor("portal_type")
    return sorted(t for t in types if t != "Plone Site")


def export_site(portal, request, directory: Path) -> dict:
    """Write the export of `portal` into `directory` (created; must not exist)."""
    started = time.monotonic()
    directory.mkdir(parents=True)
    site = export_site_data(portal)

    members = GoovExportMembers(portal, request)
    groups = members.export_groups()
    users = list(members.export_members())
    _write_json(directory / "members.json", {"groups": groups, "members": users})

    counts: dict[str, int] = {}
    uids = []
    exporter = GoovExportContent(portal, request)
    with (directory / "content.json").open("w", encoding="utf-8") as out:
        out.write("[")
        for number, item in enumerate(exporter.items(content_types(portal))):
            if number:
                out.write(",\n")
            json.dump(item, out, sort_keys=True)
            counts[item["@type"]] = counts.get(item["@type"], 0) + 1
            uids.append(item["UID"])
        out.write("]")
    if exporter.errors:
        raise RuntimeError(f"export failed for {exporter.errors}")

    others = {
        "localroles.json": ExportLocalRoles(portal, request).all_localroles(),
        "relations.json": ExportRelations(portal, request).get_all_references(),
        "ordering.json": ExportOrdering(portal, request).all_orders(),
        "defaultpages.json": ExportDefaultPages(portal, request).all_default_pages(),
    }
    for name, data in others.items():
        _write_json(directory / name, data)

    site.update(
        exported=datetime.now(timezone.utc).isoformat(),
        counts=counts,
        uids=uids,
        users=len(users),
        groups=len(groups),
    )
    _write_json(directory / SITE_FILE, site)  # last: its presence marks a whole export
    return {
        "directory": str(directory),
        "counts": counts,
        "users": len(users),
        "groups": len(groups),
        "seconds": round(time.monotonic() - started, 2),
    }


# --- import -----------------------------------------------------------------------


def _coerce(field, value):
    """JSON lists back into the registry field's own sequence type."""
    kind = getattr(field, "_type", None)
    if isinstance(value, list) and kind in (tuple, set, frozenset):
        return kind(value)
    return value


def import_site_data(portal, site: dict) -> None:
    """Before the content: vocabularies (categories, wijken) and the match secret."""
    registry = getUtility(IRegistry)
    for name, value in site.get("registry", {}).items():
        if name in registry.records:
            record = registry.records[name]
            record.value = _coerce(record.field, decode(value))
        else:
            logger.warning("import: registry record %s unknown here; skipped", name)
    annotations = IAnnotations(portal)
    for key, value in site.get("annotations", {}).items():
        annotations[key] = decode(value)


def import_section_data(portal, site: dict) -> None:
    for section_id, data in site.get("sections", {}).items():
        obj = portal.get(section_id)
        if obj is not None and "client_keys" in data:
            setattr(obj, KEYS_ATTR, OOBTree(decode(data["client_keys"])))


def import_roster(obj, members: list[dict], temporary_uid: str | None) -> None:
    """Rebuild a dossier's roster and its roster groups (Members:<UID> …)."""
    workspace = IWorkspace(obj)
    uid = obj.UID()
    plugin = get_workspace_groups_plugin()
    for name in workspace.available_groups:
        if temporary_uid and temporary_uid != uid:
            # Made when the object was created, before it got its exported UID.
            plugin.removeGroup(f"{name}:{temporary_uid}")
        add_group(f"{name}:{uid}", f"{name}: {obj.Title()}")
    for data in members:
        data = dict(data)
        user = data.pop("user", None)
        if not user:
            continue
        groups = set(data.pop("groups", None) or ())
        kept = {k: data.pop(k) for k in ("UID", "_mtime") if k in data}
        workspace.add_to_team(user=user, groups=groups, **data)
        workspace.members[user] = {**workspace.members[user], **kept}


def apply_extras(obj, extras: dict, temporary_uid: str | None) -> None:
    if "datetimes" in extras:
        restore_datetimes(obj, extras["datetimes"])
    if "photos" in extras:
        obj.photos = PersistentList(
            NamedBlobImage(
                data=photo["data"],
                contentType=photo["content-type"],
                filename=photo["filename"],
            )
            for photo in extras["photos"]
        )
    if "signal_uids" in extras:
        obj.signal_uids = tuple(extras["signal_uids"])
    if "roster" in extras:
        import_roster(obj, extras["roster"], temporary_uid)
    if IDossier.providedBy(obj):
        # After the roster: adding members logged "added by the importer".
        history = extras.get("roster_history")
        obj.roster_history = PersistentList(history or ())
    if "decision_log" in extras:
        obj.decision_log = PersistentList(extras["decision_log"])
    if "registrations" in extras:
        data = extras["registrations"]
        book = RegistrationBook()
        book.entries = OOBTree(data["entries"])
        book.tokens = OOBTree(data["tokens"])
        book.registered = data["registered"]
        IAnnotations(obj)[REGISTRATIONS_KEY] = book


class GoovImportContent(ImportContent):
    """@@import_content with goov's hooks."""

    def __init__(self, context, request, section_uids: dict[str, str]):
        super().__init__(context, request)
        self.section_uids = section_uids
        self.imported: list[str] = []
        self._temporary_uid = None

    def handle_container(self, item):
        """By parent UID; the source's sections map onto this site's sections."""
        portal = api.portal.get()
        parent = item.get("parent") or {}
        uid = parent.get("UID")
        if uid in self.section_uids:
            return portal.get(self.section_uids[uid])
        if uid:
            catalog = api.portal.get_tool("portal_catalog")
            brains = catalog.unrestrictedSearchResults(UID=uid)
            if brains:
                return brains[0]._unrestrictedGetObject()
        if parent.get("@type") == "Plone Site":
            return portal
        return None

    def global_obj_hook_before_deserializing(self, obj, item):
        # collective.workspace made roster groups for the UID the object got at
        # creation; it gets the exported UID later (set_uuid).
        has_roster = IHasWorkspace.providedBy(obj)
        self._temporary_uid = IUUID(obj, None) if has_roster else None
        return obj, item

    def global_obj_hook(self, obj, item):
        # The importer is not the owner: localroles.json sets the exported roles.
        principals = [p for p, _roles in obj.get_local_roles()]
        if principals:
            obj.manage_delLocalRoles(principals)
        extras = decode(item.get("goov") or {})
        if extras.get("creators"):
            obj.setCreators(extras["creators"])
        owner = extras.get("owner")
        user = api.portal.get_tool("acl_users").getUserById(owner[1]) if owner else None
        if user is not None:
            obj.changeOwnership(user)
        apply_extras(obj, extras, self._temporary_uid)
        self.imported.append(obj.UID())
        return obj

    def import_review_state(self, obj, item):
        """No transitions: their guards and effects (mail, links) are not an import.
        The state comes with the workflow history (import_workflow_history)."""

    def import_workflow_history(self, obj, item):
        super().import_workflow_history(obj, item)
        workflow = api.portal.get_tool("portal_workflow")
        wanted = item.get("review_state")
        for definition in workflow.getWorkflowsFor(obj):
            if wanted and api.content.get_state(obj, default=None) != wanted:
                workflow.setStatusOf(
                    definition.getId(),
                    obj,
                    {
                        "action": None,
                        "actor": api.user.get_current().getId(),
                        "comments": "goov import",
                        "review_state": wanted,
                        "time": DateTime(),
                    },
                )
            definition.updateRoleMappingsFor(obj)


class GoovImportLocalRoles(ImportLocalRoles):
    """Local roles exactly as exported, on the site root and the sections too: they
    are acquired by all content below (Owner of the section made by whoever set up
    the new site would see every new signal)."""

    def __init__(self, context, request, section_uids: dict[str, str]):
        super().__init__(context, request)
        self.section_uids = section_uids

    def import_localroles(self, data):
        portal = api.portal.get()
        for obj in [portal, *(portal.get(s.id) for s in SECTIONS)]:
            if obj is None:
                continue
            principals = [p for p, _roles in obj.get_local_roles()]
            if principals:
                obj.manage_delLocalRoles(principals)
        for item in data:
            section = self.section_uids.get(item["uuid"])
            if section and section in portal:
                item["uuid"] = IUUID(portal[section])
        return super().import_localroles(data)


def _items(path: Path, seen: list):
    with path.open("rb") as source:
        for item in ijson.items(source, "item", use_float=True):
            seen.append(item["UID"])
            yield item


def _finish(portal, uids: list[str]) -> None:
    """Original dates back, then every index, security (allowedRolesAndUsers: the
    rosters and local roles are complete only now) included; `modified` stays."""
    catalog = api.portal.get_tool("portal_catalog")
    indexes = list(catalog.indexes())
    for number, uid in enumerate(uids, start=1):
        if not number % COMMIT_EVERY:
            transaction.commit()
        brains = catalog.unrestrictedSearchResults(UID=uid)
        if not brains:
            continue
        obj = brains[0]._unrestrictedGetObject()
        base = aq_base(obj)
        for attr in ("modification_date", "creation_date"):
            migrated = getattr(base, f"{attr}_migrated", None)
            if migrated is not None:
                setattr(obj, attr, migrated)
                delattr(base, f"{attr}_migrated")
        obj.reindexObject(idxs=indexes)


def check_target(portal) -> None:
    catalog = api.portal.get_tool("portal_catalog")
    found = len(catalog.unrestrictedSearchResults(portal_type=list(CASE_TYPES)))
    if found:
        raise ImportRefused(
            f"this site already holds {found} case item(s): import into a fresh site"
        )


def import_site(portal, request, directory: Path) -> dict:
    """Import an export directory into a fresh goov site (see export_site)."""
    started = time.monotonic()
    if not (directory / SITE_FILE).is_file():
        raise ImportRefused(f"{directory} holds no complete goov export")
    site = _read_json(directory / SITE_FILE)
    if site.get("format") != FORMAT:
        raise ImportRefused(f"export format {site.get('format')!r} is not {FORMAT}")
    check_target(portal)

    import_site_data(portal, site)

    members = _read_json(directory / "members.json")
    member_view = ImportMembers(portal, request)
    groups = member_view.import_groups(members["groups"])
    users = member_view.import_members(members["members"])

    section_uids = {data["uid"]: sid for sid, data in site["sections"].items()}
    importer = GoovImportContent(portal, request, section_uids)
    request.form["form.submitted"] = True
    # collective.exportimport commits every COMMIT_EVERY items (memory stays flat
    # on big sites) and once more at the end of the content.
    request.form["commit"] = str(COMMIT_EVERY)
    seen: list[str] = []
    importer(iterator=_items(directory / "content.json", seen), return_json=True)

    GoovImportLocalRoles(portal, request, section_uids).import_localroles(
        _read_json(directory / "localroles.json")
    )
    relations = _read_json(directory / "relations.json")
    if relations:
        ImportRelations(portal, request).import_relations(relations)
    ImportOrdering(portal, request).import_ordering(
        _read_json(directory / "ordering.json")
    )
    ImportDefaultPages(portal, request).import_default_pages(
        _read_json(directory / "defaultpages.json")
    )
    import_section_data(portal, site)
    _finish(portal, importer.imported)

    catalog = api.portal.get_tool("portal_catalog")
    present = {b.UID for b in catalog.unrestrictedSearchResults(UID=site["uids"])}
    missing = [uid for uid in site["uids"] if uid not in present]
    counts: dict[str, int] = {}
    for brain in catalog.unrestrictedSearchResults(UID=site["uids"]):
        counts[brain.portal_type] = counts.get(brain.portal_type, 0) + 1
    return {
        "directory": str(directory),
        "counts": counts,
        "exported_counts": site["counts"],
        "missing": missing,
        "users": users,
        "groups": groups,
        "seconds": round(time.monotonic() - started, 2),
    }
