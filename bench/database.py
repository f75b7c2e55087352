"""The benchmark database of one scale: start Zope on it, and fill it once.

One throw-away database per scale, shared by all workloads and kept between runs:
$GOOV_BENCH_VAR/<scale> (default /tmp/goov-bench/<scale>). A file `generated.json`
beside it records the generator version; a database of another version, or one
whose fill did not finish, is deleted and made again.

The fill writes in batches through the content API (events, workflow, catalog,
local roles and blobs as in production), not through HTTP: signals in month
shards with their photos as NamedBlobImages (as the intake stores them), dossiers
with rosters and linked signals (goov.linking), actions, and states and dates
back-dated to the generated history.
"""

from pathlib import Path

import json
import os
import shutil
import sys
import time


REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
MARKER = "generated.json"
STARTED = "generating.json"  # a fill in progress: resumed by the next run
PROGRESS = "goov.bench.progress"  # site annotation, committed with every batch
BATCH = 500  # signals per transaction
REGISSEUR = "regisseur"


def bench_root() -> Path:
    return Path(os.environ.get("GOOV_BENCH_VAR") or "/tmp/goov-bench")


def var_dir(scale: int) -> Path:
    return bench_root() / str(scale)


def marker(var: Path) -> dict | None:
    try:
        return json.loads((var / MARKER).read_text())
    except (OSError, ValueError):
        return None


def usable(var: Path, scale: int, name: str = MARKER) -> bool:
    """A finished (MARKER) or resumable (STARTED) fill of this scale and version."""
    from bench.generate import GENERATOR_VERSION

    try:
        found = json.loads((var / name).read_text())
    except (OSError, ValueError):
        return False
    return found.get("version") == GENERATOR_VERSION and found.get("scale") == scale


def start_zope(var: Path):
    """Render the instance into var, start Zope and make sure the site exists.
    Returns the WSGI application as goov-start serves it (zope.ini pipeline)."""
    from goov.deploy.render import render
    from goov.deploy.settings import Settings

    # The audit log goes beside this database, never to a configured one.
    for name in ("GOOV_AUDIT_DB", "GOOV_DB"):
        os.environ.pop(name, None)
    os.environ["GOOV_VAR_DIR"] = str(var)
    settings = Settings.from_env({"GOOV_VAR_DIR": str(var), "GOOV_DEMO": "0"}, REPO)
    render(settings)
    from logging.config import fileConfig
    from paste.deploy import loadapp

    # Logging as goov-start sets it up: the access log goes to var/log/access.log.
    ini = str(settings.zope_ini)
    fileConfig(ini, {"__file__": ini, "here": str(settings.etc_dir)})
    app = loadapp(f"config:{ini}", name="main")
    from goov.scripts.site import ensure_site

    ensure_site(settings)
    return app


def open_site():
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.SpecialUsers import system
    from Testing.makerequest import makerequest
    from zope.component.hooks import setSite
    from zope.globalrequest import setRequest

    import Zope2

    app = makerequest(Zope2.app())
    setRequest(app.REQUEST)
    newSecurityManager(None, system)
    site = app["goov"]
    setSite(site)
    return app, site


def close_site(app) -> None:
    from zope.component.hooks import setSite
    from zope.globalrequest import setRequest

    import transaction

    transaction.abort()
    setSite(None)
    setRequest(None)
    app._p_jar.close()


def count(site, portal_type: str = "Signal") -> int:
    return len(site.portal_catalog.unrestrictedSearchResults(portal_type=portal_type))


def open_database(scale: int):
    """Start Zope on the database of `scale`, generating it first when needed.
    Returns (wsgi_app, info) where info is the content of generated.json."""
    from bench.generate import GENERATOR_VERSION

    var = var_dir(scale)
    done = usable(var, scale)
    if var.exists() and not done and not usable(var, scale, STARTED):
        print(f"bench: rebuilding {var} (another generator version)", file=sys.stderr)
        shutil.rmtree(var)
    if not done:
        var.mkdir(parents=True, exist_ok=True)
        stamp = {"version": GENERATOR_VERSION, "scale": scale}
        (var / STARTED).write_text(json.dumps(stamp) + "\n")
    app = start_zope(var)
    if not done:
        zapp, site = open_site()
        try:
            info = fill(site, scale)
        finally:
            close_site(zapp)
        (var / MARKER).write_text(json.dumps(info, indent=2) + "\n")
    return app, marker(var)


# ---- the fill -------------------------------------------------------------------
def fill(site, scale: int) -> dict:
    """Write the generated plan; resumes after the last committed batch."""
    from bench.generate import CloseSpec
    from bench.generate import DossierSpec
    from bench.generate import Generator
    from bench.generate import GENERATOR_VERSION
    from bench.generate import region_geojson
    from bench.generate import SEED
    from bench.generate import small_jpegs
    from goov.demo.load import load_demo
    from goov.domain.geo import parse_wijken
    from goov.geo import BUNDLED
    from goov.geo import RECORD
    from plone import api
    from zope.annotation.interfaces import IAnnotations

    import transaction

    annotations = IAnnotations(site)
    # The new site's wijken (the bundled ones); more towns are copies of them.
    base = parse_wijken(BUNDLED.read_text(encoding="utf-8"))
    generator = Generator(base, scale, SEED)
    if PROGRESS not in annotations:
        load_demo(site, content=False)  # partners and one user per role
        if generator.layout.towns > 1:
            api.portal.set_registry_record(
                RECORD, region_geojson(base, generator.layout.towns)
            )
        annotations[PROGRESS] = {"items": 0, "cases": {}, "counts": {}, "seconds": 0}
        transaction.commit()
    progress = dict(annotations[PROGRESS])
    writer = Writer(site, small_jpegs(), progress["counts"], progress["cases"])
    started = time.monotonic()

    def save(items: int) -> None:
        annotations[PROGRESS] = {
            "items": items,
            "cases": {i: s.UID() for i, s in writer.cases.items()},
            "counts": writer.counts(),
            "seconds": progress["seconds"] + time.monotonic() - started,
        }
        transaction.commit()

    for number, item in enumerate(generator.plan()):
        if number < progress["items"]:
            continue
        if isinstance(item, DossierSpec):
            writer.dossier(item)
        elif isinstance(item, CloseSpec):
            writer.close(item)
        else:
            writer.signal(item)
            if writer.signals % BATCH == 0:
                save(number + 1)
                print(f"  {writer.signals} signals", file=sys.stderr, flush=True)
    save(number + 1)
    return {
        "version": GENERATOR_VERSION,
        "seed": SEED,
        "scale": scale,
        "towns": generator.layout.towns,
        "weeks": generator.layout.weeks,
        **writer.counts(),
        "fill_seconds": round(annotations[PROGRESS]["seconds"], 1),
    }


def _local(moment):
    from goov.intake import LOCAL_TZ

    return LOCAL_TZ.localize(moment) if moment.tzinfo is None else moment


def backdate(obj, moment, step_days: float = 1.0) -> None:
    """Creation, modification and workflow history at the generated time."""
    from DateTime import DateTime
    from datetime import timedelta

    moment = _local(moment)
    obj.reindexObject()  # queued: runs at the next flush, with the dates below
    obj.creation_date = obj.modification_date = DateTime(moment)
    history = getattr(obj, "workflow_history", None) or {}
    for wf_id, entries in list(history.items()):
        history[wf_id] = tuple(
            {**entry, "time": DateTime(moment + timedelta(days=step_days * i))}
            for i, entry in enumerate(entries)
        )


class Writer:
    """Writes generated items; remembers the case signals until their dossier."""

    COUNTS = ("signals", "photos", "dossiers", "actions", "linked")

    def __init__(self, site, jpegs: list[bytes], counts: dict, cases: dict):
        self.site = site
        self.jpegs = jpegs
        for name in self.COUNTS:
            setattr(self, name, counts.get(name, 0))
        catalog = site.portal_catalog
        self.cases = {}
        for index, uid in cases.items():  # resuming: case signals by UID
            brain = catalog.unrestrictedSearchResults(UID=uid)[0]
            self.cases[index] = brain._unrestrictedGetObject()

    def counts(self) -> dict:
        return {name: getattr(self, name) for name in self.COUNTS}

    def signal(self, spec) -> None:
        from datetime import timedelta
        from goov.intake import shard_for
        from persistent.list import PersistentList
        from plone import api
        from plone.dexterity.utils import createContentInContainer
        from plone.namedfile.file import NamedBlobImage

        fields = dict(spec.fields)
        fields["observed_at"] = _local(fields["observed_at"])
        shard = shard_for(self.site["signalen"], fields["observed_at"])
        signal = createContentInContainer(
            shard, "Signal", checkConstraints=False, **fields
        )
        signal.photos = PersistentList(
            NamedBlobImage(
                data=self.jpegs[(spec.index + i) % len(self.jpegs)],
                contentType="image/jpeg",
                filename=f"foto-{i + 1}.jpg",
            )
            for i in range(spec.photos)
        )
        transition = {"triaged": "triage", "closed": "close", "rejected": "reject"}
        if spec.state in transition:
            api.content.transition(obj=signal, transition=transition[spec.state])
        backdate(signal, fields["observed_at"] + timedelta(minutes=20), 2)
        if spec.case:
            self.cases[spec.index] = signal
        self.signals += 1
        self.photos += spec.photos

    def close(self, spec) -> None:
        from plone import api

        for index in spec.signals:
            api.content.transition(obj=self.cases.pop(index), transition="close")

    def dossier(self, spec) -> None:
        from goov.linking import link_signals
        from goov.workspace.roster import add_member
        from plone import api
        from plone.dexterity.utils import createContentInContainer

        signals = [self.cases.pop(index) for index in spec.signals]
        dossier = createContentInContainer(
            self.site["dossiers"],
            "Dossier",
            checkConstraints=False,
            title=spec.title,
            kind=spec.kind,
            wijk=spec.wijk,
            risk_level="medium",
            legal_basis="wgs",
            purpose="Signalen rond deze hotspot in samenhang aanpakken.",
            goals=["Overlast beëindigen", "Betrokkenen in zorg"],
            regisseur=REGISSEUR,
        )
        for principal in spec.roster:
            add_member(dossier, principal)
        # The catalog answers what the user may see: link as the regisseur.
        with api.env.adopt_user(username=REGISSEUR):
            link_signals(dossier, [s.UID() for s in signals])
        for action in spec.actions:
            self._action(dossier, action, spec.created)
        for transition in {
            "analysis": ("analyse",),
            "active": ("analyse", "activate"),
            "monitoring": ("analyse", "activate", "monitor"),
            "closed": ("analyse", "activate", "close"),
        }[spec.state]:
            if transition == "close":
                dossier.result = "Overlast gestopt; zorg loopt via het wijkteam."
            api.content.transition(obj=dossier, transition=transition)
        backdate(dossier, spec.created, 14)
        self.dossiers += 1
        self.linked += len(signals)

    def _action(self, dossier, spec, created) -> None:
        from plone import api
        from plone.dexterity.utils import createContentInContainer

        action = createContentInContainer(
            dossier,
            "Action",
            checkConstraints=False,
            title=spec.title,
            text="Afgesproken in het casusoverleg.",
            assigned_partner=spec.partner,
            due_date=spec.due,
        )
        steps = {
            "open": (),
            "in_progress": ("start",),
            "done": ("start", "complete"),
            "cancelled": ("cancel",),
        }[spec.state]
        for transition in steps:
            if transition == "complete":
                action.result = "Uitgevoerd."
            api.content.transition(obj=action, transition=transition)
        backdate(action, created, 7)
        self.actions += 1
