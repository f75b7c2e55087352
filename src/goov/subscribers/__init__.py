"""Event subscribers that keep derived data and object security in step."""

from goov.content.dossier import IDossier
from goov.content.signal import ISignal
from goov.domain.signal import signal_title
from goov.domain.vocab import title_of
from goov.geo import wijk_for
from goov.partners import partners_of
from goov.vocabularies import category_terms
from plone import api
from zope.component import adapter
from zope.lifecycleevent.interfaces import IObjectAddedEvent
from zope.lifecycleevent.interfaces import IObjectModifiedEvent


def _may_choose_partner(user) -> bool:
    """Regisseurs, site managers and system processes (imports, benchmarks) may
    set the reporting partner; everyone else reports for their own partner."""
    if user is None:
        return False
    if "Regisseur" in user.getRoles():
        return True
    return api.user.has_permission("Manage portal", obj=api.portal.get())


@adapter(ISignal, IObjectAddedEvent)
def signal_added(signal, event):
    """Title from category and date; reporting partner from the reporter."""
    user = api.user.get_current()
    reporter_partners = partners_of(user) if user is not None else []
    if not (signal.reporting_partner and _may_choose_partner(user)):
        signal.reporting_partner = reporter_partners[0] if reporter_partners else None
    if not signal.wijk:
        signal.wijk = wijk_for(signal.latitude, signal.longitude)
    signal.title = signal_title(
        title_of(category_terms(), signal.category) or signal.category,
        signal.observed_at,
    )
    # One queued catalog operation: the add's own indexing merges with this one,
    # and a new object's first indexing already includes its security.
    signal.reindexObject()


@adapter(IObjectModifiedEvent)
def reindex_security(obj, event):
    """Partners, invitations and dossier links decide local roles: reindex them."""
    obj.reindexObjectSecurity()


@adapter(IDossier, IObjectAddedEvent)
def dossier_added(dossier, event):
    """The regisseur of a new dossier is its creator unless one was named."""
    if not dossier.regisseur:
        user = api.user.get_current()
        dossier.regisseur = user.getId() if user else None
