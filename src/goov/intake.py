"""Store validated signal intakes: sharded, idempotent, small transactions.

- Signals go into month shards (signalen/2026-11/), unordered BTree folders, with
  random ids: parallel writers touch different buckets, never a shared list or counter.
- Idempotency: signalen keeps an OOBTree "<userid>\\n<client_id>" -> UID. Two racing
  requests with the same key both insert the same BTree key, which ZODB cannot
  resolve: the loser gets a ConflictError, Zope retries it, and the retry finds the
  signal of the winner. No signal is stored twice.
"""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import system
from BTrees.OOBTree import OOBTree
from contextlib import contextmanager
from datetime import datetime
from goov.domain.intake import SignalIntake
from goov.geo import wijk_for
from persistent.list import PersistentList
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobImage

import pytz


LOCAL_TZ = pytz.timezone("Europe/Amsterdam")
KEYS_ATTR = "_client_keys"


@contextmanager
def as_system():
    """Create infrastructure (shards) that no user may add by hand."""
    previous = getSecurityManager()
    newSecurityManager(None, system)
    try:
        yield
    finally:
        setSecurityManager(previous)


def client_keys(section) -> OOBTree:
    keys = getattr(section, KEYS_ATTR, None)
    if keys is None:
        keys = OOBTree()
        setattr(section, KEYS_ATTR, keys)
    return keys


def client_key(userid: str, client_id: str) -> str:
    return f"{userid}\n{client_id}"


def shard_id(moment: datetime) -> str:
    return f"{moment:%Y-%m}"


def shard_for(section, moment: datetime):
    sid = shard_id(moment)
    shard = section.get(sid)
    if shard is None:
        with as_system():
            shard = createContentInContainer(
                section,
                "SignalFolder",
                checkConstraints=False,
                id=sid,
                title=f"Signalen {sid}",
            )
    return shard


def find_existing(section, userid: str, client_id: str):
    uid = client_keys(section).get(client_key(userid, client_id))
    if uid is None:
        return None
    catalog = section.portal_catalog
    brains = catalog.unrestrictedSearchResults(UID=uid)
    return brains[0]._unrestrictedGetObject() if brains else None


def photo_blobs(intake: SignalIntake) -> PersistentList:
    return PersistentList(
        NamedBlobImage(data=p.data, contentType=p.content_type, filename=p.filename)
        for p in intake.photos
    )


def store_signal(section, userid: str, intake: SignalIntake, source: str):
    """Return (signal, created). Creates nothing when the client_id was seen."""
    existing = find_existing(section, userid, intake.client_id)
    if existing is not None:
        return existing, False
    now = datetime.now(LOCAL_TZ)
    shard = shard_for(section, now)
    signal = createContentInContainer(
        shard,
        "Signal",
        checkConstraints=True,
        category=intake.category,
        description=intake.description,
        latitude=intake.latitude,
        longitude=intake.longitude,
        address=intake.address,
        wijk=wijk_for(intake.latitude, intake.longitude),
        observed_at=intake.observed_at,
        urgent=intake.urgent,
        persons=intake.persons,
        source=source,
        client_id=intake.client_id,
    )
    signal.photos = photo_blobs(intake)
    client_keys(section)[client_key(userid, intake.client_id)] = signal.UID()
    return signal, True
