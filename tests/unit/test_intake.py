"""Intake validation and photo cleaning, without Zope."""

from datetime import datetime
from datetime import timedelta
from datetime import timezone
from goov.domain.intake import IntakeInvalid
from goov.domain.intake import validate_intake
from goov.domain.photos import clean_photo
from goov.domain.photos import decode_base64
from goov.domain.photos import PhotoError
from io import BytesIO
from PIL import Image

import pytest


NOW = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)
CATEGORIES = {"drugs", "overig"}


def valid(**overrides):
    data = {
        "client_id": "0123456789abcdef",
        "category": "drugs",
        "description": "  Geur van hennep  ",
        "location": {"lat": 52.38, "lon": 4.63},
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def fields(data) -> set[str]:
    with pytest.raises(IntakeInvalid) as info:
        validate_intake(data, CATEGORIES, NOW, timezone.utc)
    return {e.field for e in info.value.errors}


def test_valid_minimal():
    intake = validate_intake(valid(), CATEGORIES, NOW, timezone.utc)
    assert intake.description == "Geur van hennep"
    assert (intake.latitude, intake.longitude) == (52.38, 4.63)
    assert intake.observed_at == NOW
    assert intake.urgent is False
    assert intake.photos == []


def test_naive_time_is_local():
    local = timezone(timedelta(hours=1))
    intake = validate_intake(
        valid(observed_at="2026-11-28T09:00:00"), CATEGORIES, NOW, local
    )
    assert intake.observed_at.utcoffset() == timedelta(hours=1)


def test_every_problem_is_listed():
    assert fields(
        {"category": "x", "location": {"lat": 100, "lon": 4}, "extra": 1}
    ) == {"extra", "client_id", "category", "description", "location.lat"}


def test_persons_are_cleaned():
    intake = validate_intake(
        valid(
            persons=[{"name": " Jan ", "birthdate": "1980-02-29", "role": "bewoner"}]
        ),
        CATEGORIES,
        NOW,
        timezone.utc,
    )
    assert intake.persons == [
        {"name": "Jan", "birthdate": "1980-02-29", "role": "bewoner"}
    ]
    assert fields(valid(persons=[{"name": "Jan", "birthdate": "1981-02-29"}])) == {
        "persons[0].birthdate"
    }


def test_bool_is_not_a_coordinate():
    assert fields(valid(location={"lat": True, "lon": 4.6})) == {"location.lat"}


def jpeg(size=(30, 10), **save) -> bytes:
    out = BytesIO()
    Image.new("RGB", size, "red").save(out, "JPEG", **save)
    return out.getvalue()


def test_clean_photo_drops_exif_and_applies_orientation():
    exif = Image.Exif()
    exif[0x0112] = 8  # orientation: rotate 90° counter-clockwise
    exif[0x013B] = "Artist Name"
    photo = clean_photo(jpeg(exif=exif.tobytes()), "image/jpeg", "../../x y.JPG")
    assert (photo.width, photo.height) == (10, 30)
    assert b"Artist Name" not in photo.data
    assert not Image.open(BytesIO(photo.data)).getexif()
    assert photo.filename == "xy.jpg"


@pytest.mark.parametrize(
    "data,claimed,code",
    [
        (b"not an image", "image/jpeg", "not_image"),
        (jpeg(), "image/png", "type_mismatch"),
        (jpeg(), "image/gif", "unsupported_type"),
        (jpeg()[:100], "image/jpeg", "not_image"),
        (b"\0" * (10 * 1024 * 1024 + 1), "image/jpeg", "too_large"),
    ],
)
def test_photo_errors(data, claimed, code):
    with pytest.raises(PhotoError) as info:
        clean_photo(data, claimed)
    assert info.value.code == code


def test_pixel_bomb_is_refused_from_the_header():
    out = BytesIO()
    Image.new("1", (8000, 6000)).save(out, "PNG")  # 48 MP in a few kB
    with pytest.raises(PhotoError) as info:
        clean_photo(out.getvalue(), "image/png")
    assert info.value.code == "too_many_pixels"


@pytest.mark.parametrize("text", ["", "%%%", "abc", None, 12])
def test_base64_errors(text):
    with pytest.raises(PhotoError):
        decode_base64(text)


def test_data_url_is_accepted():
    assert decode_base64("data:image/png;base64,aGVsbG8=") == b"hello"
