"""Why the rendered zope.conf uses FileStorage's own blob-dir, not <blobstorage>.

ZODB.blob.BlobStorage (the <blobstorage> wrapper) releases the commit lock in the
wrapped storage's tpc_abort and only then deletes the aborted transaction's blob
files, from a list shared by all threads. A transaction that begins in that gap and
stores a blob loses the file, commits anyway, and its blob is gone for good
(POSKeyError "No blob file"). Seen as photos of acknowledged signals missing after
parallel intake. FileStorage's own blob support deletes them before releasing the
lock. The race is replayed deterministically: the second transaction runs inside
the first one's tpc_abort, right after the commit lock is released.
"""

from goov.deploy.render import storage_block
from goov.deploy.settings import FileStorageDb
from pathlib import Path
from ZODB.blob import BlobStorage
from ZODB.Connection import TransactionMetaData
from ZODB.FileStorage import FileStorage
from ZODB.POSException import POSKeyError
from ZODB.utils import z64

import pytest


def store_blob(storage, transaction, content: bytes):
    oid = storage.new_oid()
    path = Path(storage.temporaryDirectory()) / f"upload-{oid.hex()}"
    path.write_bytes(content)
    storage.storeBlob(oid, z64, b"blob record", str(path), "", transaction)
    return oid


def race(storage, filestorage) -> tuple[bytes, bytes]:
    """A aborts a blob transaction; B begins in the gap, stores a blob and
    commits. Returns B's oid and tid."""
    a, b = TransactionMetaData(), TransactionMetaData()
    done = {}
    release = filestorage._commit_lock_release

    def release_then_let_b_in():
        release()
        if "b_oid" not in done:
            storage.tpc_begin(b)
            done["b_oid"] = store_blob(storage, b, b"photo of B")

    filestorage._commit_lock_release = release_then_let_b_in
    storage.tpc_begin(a)
    store_blob(storage, a, b"photo of A")
    storage.tpc_abort(a)  # e.g. a ConflictError later in A's commit
    filestorage._commit_lock_release = release
    storage.tpc_vote(b)
    tid = storage.tpc_finish(b)
    return done["b_oid"], tid


def test_wrapper_loses_the_blob_of_a_committed_transaction(tmp_path):
    filestorage = FileStorage(str(tmp_path / "Data.fs"))
    storage = BlobStorage(str(tmp_path / "blobs"), filestorage)
    try:
        oid, tid = race(storage, filestorage)
        assert storage.load(oid)[1] == tid  # the record is committed ...
        with pytest.raises(POSKeyError):
            storage.loadBlob(oid, tid)  # ... its blob file is gone
    finally:
        storage.close()


def test_filestorage_blob_dir_keeps_it(tmp_path):
    storage = FileStorage(str(tmp_path / "Data.fs"), blob_dir=str(tmp_path / "blobs"))
    try:
        oid, tid = race(storage, storage)
        assert Path(storage.loadBlob(oid, tid)).read_bytes() == b"photo of B"
    finally:
        storage.close()


def test_rendered_filestorage_uses_its_own_blob_dir(tmp_path):
    block = storage_block(FileStorageDb(), tmp_path, 8080)
    assert "<blobstorage>" not in block
    assert f"blob-dir {tmp_path}/blobstorage" in block.split("<filestorage>")[1]
