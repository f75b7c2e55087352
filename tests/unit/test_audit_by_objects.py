"""goov.audit.store.by_objects: the access request's one look-up for all records."""

from goov.audit.store import append
from goov.audit.store import by_objects


def test_records_per_object_newest_first_over_chunks(tmp_path):
    url = f"sqlite:///{tmp_path / 'audit.sqlite'}"
    for n, uid in enumerate(["a", "b", "a", "c", "a", "b", "d"]):
        append(
            {"user": f"user{n}", "action": "view", "object": uid, "status": 200},
            url=url,
        )
    found = by_objects(["a", "b", "c", "a", "zz"], url=url, chunk=2)
    assert list(found) == ["a", "b", "c", "zz"]
    assert [r["user"] for r in found["a"]] == ["user4", "user2", "user0"]
    assert [r["user"] for r in found["b"]] == ["user5", "user1"]
    assert [r["user"] for r in found["c"]] == ["user3"]
    assert found["zz"] == []  # nobody looked at it
    assert "d" not in found  # only what was asked


def test_no_objects_no_query(tmp_path):
    assert by_objects([], url=f"sqlite:///{tmp_path / 'audit.sqlite'}") == {}
