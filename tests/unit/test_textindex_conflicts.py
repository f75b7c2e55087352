"""ZCTextIndex no longer rewrites word buckets it did not change, so parallel
indexing of documents with the same (common) words does not conflict."""

from goov.subscribers import conflicts
from Products.ZCTextIndex.BaseIndex import BaseIndex
from Products.ZCTextIndex.Lexicon import CaseNormalizer
from Products.ZCTextIndex.Lexicon import Lexicon
from Products.ZCTextIndex.Lexicon import Splitter
from Products.ZCTextIndex.OkapiIndex import OkapiIndex

import pytest
import transaction
import ZODB
import ZODB.FileStorage


COMMON = "woonoverlast 28 11 2026"


@pytest.fixture
def db(tmp_path):
    storage = ZODB.FileStorage.FileStorage(str(tmp_path / "Data.fs"))
    database = ZODB.DB(storage)
    with database.transaction() as conn:
        index = OkapiIndex(Lexicon(Splitter(), CaseNormalizer()))
        conn.root()["index"] = index
        # A rare word (a dict value) beside the common ones (IIBTree values).
        index.index_doc(1, f"{COMMON} zeldzaam")
        for docid in range(2, 30):
            index.index_doc(docid, COMMON)
    yield database
    database.close()


def index_in_parallel(db):
    """Two transactions index a new document each; both commit."""
    tm1, tm2 = transaction.TransactionManager(), transaction.TransactionManager()
    c1, c2 = db.open(transaction_manager=tm1), db.open(transaction_manager=tm2)
    c1.root()["index"].index_doc(100, COMMON)
    c2.root()["index"].index_doc(200, COMMON)
    tm1.commit()
    try:
        tm2.commit()
    finally:
        c1.close()
        c2.close()


def test_parallel_indexing_of_common_words_does_not_conflict(db):
    index_in_parallel(db)
    with db.transaction() as conn:
        index = conn.root()["index"]
        assert {d for d, _ in index.search("woonoverlast").items()} >= {100, 200}
        assert index.document_count() == 31
        assert dict(index.search("zeldzaam").items()).keys() == {1}


def test_without_the_change_the_same_indexing_conflicts(db, monkeypatch):
    """Shows what the change fixes (BTrees' C merge cannot compare dict values)."""
    for name, original in conflicts.ORIGINALS.items():
        monkeypatch.setattr(BaseIndex, name, original)
    with pytest.raises(ZODB.POSException.ConflictError):
        index_in_parallel(db)


def test_same_index_data_as_before(db):
    """Unindex and reindex keep words, scores and counts consistent."""
    with db.transaction() as conn:
        index = conn.root()["index"]
        index.index_doc(5, "iets anders")  # reindex: words change
        index.unindex_doc(1)
        assert index.search("zeldzaam") is None or len(index.search("zeldzaam")) == 0
        assert 5 not in dict(index.search("woonoverlast").items())
        assert 5 in dict(index.search("anders").items())
        assert index.document_count() == 28
