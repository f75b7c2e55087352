"""Similar signals from the catalog: bucket and match-key look-ups, then scoring.

Only catalog brains are read (metadata latitude, longitude, observed_at, category,
match_keys): no signal is woken up, and only what the current user may see is
returned.

Cost O(log n + k), k the candidates: the catalog's own security filter is not used
for the look-up, because it intersects the result with sets as large as all
signals (allowedRolesAndUsers, effectiveRange, portal_type), and BTrees
intersections walk both sets: O(n) per look-up, 10x slower at 10x the signals
(bench/, docs/benchmarks.md). The same filter, with the same user tokens, is
applied to the k candidates instead (`visible`).
"""

from AccessControl import getSecurityManager
from DateTime import DateTime
from datetime import timedelta
from goov.domain.similarity import address_key
from goov.domain.similarity import bucket_key
from goov.domain.similarity import candidate_keys
from goov.domain.similarity import person_key
from goov.domain.similarity import rank
from goov.domain.similarity import score
from goov.domain.similarity import SignalFacts
from plone import api
from Products.CMFCore.permissions import AccessInactivePortalContent
from Products.CMFCore.utils import _checkPermission
from zope.annotation.interfaces import IAnnotations

import secrets


SECRET_ANNOTATION = "goov.similarity.secret"  # noqa: S105 - an annotation key
RADIUS_RECORD = "goov.similar_radius_m"
WINDOW_RECORD = "goov.similar_window_days"


def match_secret() -> bytes:
    """A per-site secret for the keyed hashes of names and addresses.

    Created once; plone.keyring is not used because its keys rotate, which would
    make yesterday's hashes unmatchable.
    """
    annotations = IAnnotations(api.portal.get())
    secret = annotations.get(SECRET_ANNOTATION)
    if secret is None:
        secret = annotations[SECRET_ANNOTATION] = secrets.token_bytes(32)
    return secret


def match_keys(signal) -> list[str]:
    secret = match_secret()
    keys = []
    if signal.address:
        keys.append(address_key(secret, signal.address))
    keys.extend(address_key(secret, a) for a in signal.addresses or ())
    for person in signal.persons or ():
        keys.append(person_key(secret, person.get("name", ""), person.get("birthdate")))
        if person.get("address"):
            keys.append(address_key(secret, person["address"]))
    return sorted({k for k in keys if k})


def geo_bucket(signal) -> str | None:
    if signal.latitude is None or signal.longitude is None or not signal.observed_at:
        return None
    return bucket_key(signal.latitude, signal.longitude, signal.observed_at)


def settings() -> tuple[float, timedelta]:
    radius = api.portal.get_registry_record(RADIUS_RECORD, default=150)
    days = api.portal.get_registry_record(WINDOW_RECORD, default=90)
    return float(radius), timedelta(days=int(days))


def _facts(uid, category, lat, lon, observed_at, keys) -> SignalFacts:
    return SignalFacts(
        uid=uid,
        category=category,
        lat=lat,
        lon=lon,
        observed_at=_aware(observed_at),
        address_key=next((k for k in keys if k.startswith("a:")), None),
        person_keys=frozenset(k for k in keys if k.startswith("p:")),
    )


def facts_of_brain(brain) -> SignalFacts:
    return _facts(
        brain.UID,
        brain.category,
        brain.latitude,
        brain.longitude,
        brain.observed_at,
        brain.match_keys or (),
    )


def facts_of(signal) -> SignalFacts:
    return _facts(
        signal.UID(),
        signal.category,
        signal.latitude,
        signal.longitude,
        signal.observed_at,
        match_keys(signal),
    )


def _aware(moment):
    """Catalog and forms may hold naive or Zope DateTime values: make them aware."""
    from DateTime import DateTime
    from goov.intake import LOCAL_TZ

    if isinstance(moment, DateTime):
        moment = moment.asdatetime()
    if moment is not None and moment.tzinfo is None:
        return LOCAL_TZ.localize(moment)
    return moment


def user_tokens(catalog) -> frozenset:
    """The current user's allowedRolesAndUsers tokens (one per group: build once)."""
    return frozenset(catalog._listAllowedRolesAndUsers(getSecurityManager().getUser()))


def visible(catalog, brains, tokens: frozenset | None = None) -> list:
    """The brains the current user may see: what portal_catalog.searchResults
    adds to a query (allowedRolesAndUsers of the user, and effectiveRange unless
    the user may access inactive content), checked per brain."""
    if tokens is None:
        tokens = user_tokens(catalog)
    allowed = catalog._catalog.getIndex("allowedRolesAndUsers")
    dates = None
    if not _checkPermission(AccessInactivePortalContent, catalog):
        dates = catalog._catalog.getIndex("effectiveRange")
        now = dates._convertDateTime(DateTime())
    result = []
    for brain in brains:
        rid = brain.getRID()
        if not tokens.intersection(allowed.getEntryForObject(rid, ())):
            continue
        if dates is not None:
            since, until = dates.getEntryForObject(rid, (None, None))
            if (since is not None and since > now) or (
                until is not None and until < now
            ):
                continue
        result.append(brain)
    return result


def similar_signals(signal, limit: int = 20) -> list[tuple[object, object]]:
    """[(brain, Suggestion)], best first; never the signal itself.

    geo_bucket and match_keys hold signals only, so neither portal_type nor the
    catalog's security sets are intersected (see the module docstring)."""
    radius, window = settings()
    own = facts_of(signal)
    catalog = api.portal.get_tool("portal_catalog")
    query = {}
    if own.lat is not None and own.lon is not None and own.observed_at:
        query["geo_bucket"] = candidate_keys(
            own.lat, own.lon, own.observed_at, radius, window
        )
    own_keys = sorted(own.person_keys | ({own.address_key} - {None}))
    if own_keys:
        query["match_keys"] = own_keys
    brains = {}
    tokens = user_tokens(catalog) if query else None
    for name, keys in query.items():
        found = catalog.unrestrictedSearchResults(**{name: keys})
        brains.update((b.UID, b) for b in visible(catalog, found, tokens))
    brains.pop(own.uid, None)
    suggestions = rank(
        (score(own, facts_of_brain(b), radius, window) for b in brains.values()), limit
    )
    return [(brains[s.uid], s) for s in suggestions]


def similar_json(signal, limit: int = 20) -> list[dict]:
    return [
        {
            "@id": brain.getURL(),
            "UID": brain.UID,
            "title": brain.Title,
            "review_state": brain.review_state,
            "distance_m": suggestion.distance_m,
            "score": suggestion.score,
            "reasons": list(suggestion.reasons),
        }
        for brain, suggestion in similar_signals(signal, limit)
    ]
