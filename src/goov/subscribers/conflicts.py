"""ZODB conflicts: log the retried ones, bound the wait, avoid a needless one.

Zope's WSGI publisher retries a request that hit a ConflictError (up to
`max-conflict-retries`, 10 in instance/zope.conf.in) without logging it, so the
conflict rate, what to watch when several instances share one database, was
invisible. One INFO line per retry goes to the instance's event.log under the
logger `goov.conflicts`; a WARNING when the retries are used up (the client then
gets a 5xx).

Before each retry Zope sleeps uniform(0, 2**n) seconds, n being the retries so
far: after the 7th conflict up to 128 s, after the 9th up to 512 s, so a request
that is unlucky a few times outlives any client timeout (seen with 8 writers on two
instances: one POST over 120 s). The retried request waits
uniform(0, min(2**n, MAX_RETRY_DELAY)) seconds instead: Zope's jitter for the first
four retries, at most 10 s after that (at most about 75 s of waiting over all 10
retries). The backoff is kept, not removed: with a 2 s cap the retries of 8 busy
writers collided again and again and up to 11 % of the POSTs used up all retries.

Products.ZCTextIndex stores, per word, a dict of documents (up to 10) or an IIBTree,
and re-assigns `_wordinfo[wid]` for every word of every indexed document, also when
the value is the same IIBTree. That rewrites the `_wordinfo` bucket of each word of
a new signal's title (category and date: the same words for all signals of a day).
BTrees' C conflict resolution cannot compare dict values, so two transactions that
rewrote one bucket with a dict anywhere in it always conflict, even when neither
changed it. With two instances and 8 parallel POSTs that one bucket caused most of
the retries. An IIBTree records its own change, so
`avoid_redundant_wordinfo_writes()` (applied when this module loads) re-assigns only
dicts and new objects, as the original comment "not redundant: Persistency!"
intends. The index data stay exactly the same.
"""

from BTrees.IIBTree import IIBTree
from Products.ZCTextIndex.BaseIndex import BaseIndex
from ZODB.POSException import ConflictError
from zope.component import adapter
from ZPublisher.interfaces import IPubFailure

import logging
import random
import time


log = logging.getLogger("goov.conflicts")
MAX_RETRY_DELAY = 10.0  # seconds


def bounded_delay(retry_count: int) -> float:
    return random.uniform(0, min(2**retry_count, MAX_RETRY_DELAY))  # noqa: S311


@adapter(IPubFailure)
def publication_failed(event):
    error = event.exc_info[1] if event.exc_info else None
    if not isinstance(error, ConflictError):
        return
    request = event.request
    retried = getattr(request, "retry_count", 0)
    limit = getattr(request, "retry_max_count", 0)
    where = f"{request.get('REQUEST_METHOD', '?')} {request.get('PATH_INFO', '')}"
    name, attempt = type(error).__name__, retried + 1
    if event.retry:
        log.info("%s retried (%d of %d) at %s: %s", name, attempt, limit, where, error)
        # The publisher calls request.delay_retry() right after this event.
        request.delay_retry = lambda: time.sleep(bounded_delay(retried))
    else:
        log.warning("%s not retried (%d tries) at %s: %s", name, attempt, where, error)


def _add_wordinfo(self, wid, f, docid):
    doc2score = self._wordinfo.get(wid)
    if doc2score is None:
        doc2score = {}
        self.length.change(1)
    elif isinstance(doc2score, dict) and len(doc2score) == self.DICT_CUTOFF:
        doc2score = IIBTree(doc2score)
    elif not isinstance(doc2score, dict):
        doc2score[docid] = f  # a stored IIBTree: persistent by itself
        return
    doc2score[docid] = f
    self._wordinfo[wid] = doc2score


def _mass_add_wordinfo(self, wid2weight, docid):
    new_word_count = 0
    for wid, weight in wid2weight.items():
        doc2score = self._wordinfo.get(wid)
        if doc2score is None:
            doc2score = {}
            new_word_count += 1
        elif isinstance(doc2score, dict) and len(doc2score) == self.DICT_CUTOFF:
            doc2score = IIBTree(doc2score)
        elif not isinstance(doc2score, dict):
            doc2score[docid] = weight  # a stored IIBTree: persistent by itself
            continue
        doc2score[docid] = weight
        self._wordinfo[wid] = doc2score
    self.length.change(new_word_count)


def _del_wordinfo(self, wid, docid):
    doc2score = self._wordinfo[wid]
    del doc2score[docid]
    if not doc2score:
        del self._wordinfo[wid]
        self.length.change(-1)
    elif isinstance(doc2score, dict):
        self._wordinfo[wid] = doc2score


REPLACED = {
    "_add_wordinfo": _add_wordinfo,
    "_mass_add_wordinfo": _mass_add_wordinfo,
    "_del_wordinfo": _del_wordinfo,
}
ORIGINALS = {name: BaseIndex.__dict__[name] for name in REPLACED}


def avoid_redundant_wordinfo_writes() -> None:
    """Replace ZCTextIndex's three wordinfo writers (idempotent)."""
    for name, function in REPLACED.items():
        setattr(BaseIndex, name, function)


avoid_redundant_wordinfo_writes()
