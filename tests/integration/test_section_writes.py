"""Adding content to a section or month shard does not write the container.

Parallel intakes on several instances conflicted on the shard because every add
stamped its modification date (and changed its catalog entry)."""

from plone import api
from plone.dexterity.utils import createContentInContainer

import transaction


def test_adding_signals_leaves_the_shard_unchanged(portal):
    section = portal["signalen"]
    with api.env.adopt_roles(["Manager"]):
        shard = createContentInContainer(
            section, "SignalFolder", checkConstraints=False, id="2031-01"
        )
        transaction.savepoint(optimistic=True)
        stamped = shard.modification_date
        catalog = api.portal.get_tool("portal_catalog")
        (brain,) = catalog.unrestrictedSearchResults(UID=shard.UID())
        for n in range(3):
            createContentInContainer(
                shard,
                "Signal",
                checkConstraints=False,
                category="woonoverlast",
                description=f"Melding {n}",
                latitude=52.38,
                longitude=4.63,
            )
        transaction.savepoint(optimistic=True)
    assert len(shard.objectIds()) == 3
    assert shard.modification_date == stamped
    (after,) = catalog.unrestrictedSearchResults(UID=shard.UID())
    assert after.modified == brain.modified
    # The section itself is not touched either (nor its date).
    assert section.modification_date <= stamped
