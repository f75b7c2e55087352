"""Validation of a signal intake request (POST @signals), over plain values.

Returns clean values or a list of FieldError(field, code). Messages are chosen
by the REST layer (Dutch or English) from the codes.
"""

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from datetime import tzinfo
from goov.domain.photos import clean_photo
from goov.domain.photos import CleanPhoto
from goov.domain.photos import decode_base64
from goov.domain.photos import MAX_PHOTOS
from goov.domain.photos import PhotoError
from goov.domain.signal import DESCRIPTION_MAX
from goov.domain.signal import is_in_future

import re


ALLOWED_FIELDS = {
    "client_id",
    "category",
    "description",
    "location",
    "address",
    "observed_at",
    "urgent",
    "persons",
    "photos",
}
PERSON_FIELDS = {"name", "birthdate", "role", "address"}
PHOTO_FIELDS = {"filename", "content-type", "data"}
CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
ADDRESS_MAX = 300
MAX_PERSONS = 50


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str


@dataclass
class SignalIntake:
    client_id: str
    category: str
    description: str
    latitude: float | None
    longitude: float | None
    address: str | None
    observed_at: datetime
    urgent: bool
    persons: list[dict] = field(default_factory=list)
    photos: list[CleanPhoto] = field(default_factory=list)


class IntakeInvalid(ValueError):
    def __init__(self, errors: list[FieldError]):
        super().__init__(", ".join(f"{e.field}: {e.code}" for e in errors))
        self.errors = errors


def _text(data, name, errors, required=False, max_length=None) -> str | None:
    value = data.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            errors.append(FieldError(name, "required"))
        return None
    if not isinstance(value, str):
        errors.append(FieldError(name, "not_text"))
        return None
    value = value.strip()
    if max_length and len(value) > max_length:
        errors.append(FieldError(name, "too_long"))
        return None
    return value


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _location(data, errors) -> tuple[float | None, float | None]:
    location = data.get("location")
    if location is None:
        return None, None
    if not isinstance(location, dict) or set(location) - {"lat", "lon"}:
        errors.append(FieldError("location", "invalid_location"))
        return None, None
    lat, lon = _number(location.get("lat")), _number(location.get("lon"))
    if lat is None or not -90 <= lat <= 90:
        errors.append(FieldError("location.lat", "out_of_range"))
    if lon is None or not -180 <= lon <= 180:
        errors.append(FieldError("location.lon", "out_of_range"))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None, None
    return lat, lon


def _observed_at(data, errors, now: datetime, local: tzinfo) -> datetime:
    value = data.get("observed_at")
    if value is None:
        return now
    if not isinstance(value, str):
        errors.append(FieldError("observed_at", "invalid_datetime"))
        return now
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        errors.append(FieldError("observed_at", "invalid_datetime"))
        return now
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=local)
    if is_in_future(parsed, now):
        errors.append(FieldError("observed_at", "in_future"))
    return parsed


def _person(person, where: str, errors) -> dict | None:
    if not isinstance(person, dict) or set(person) - PERSON_FIELDS:
        errors.append(FieldError(where, "invalid_person"))
        return None
    name = _text(person, "name", [], required=True, max_length=200)
    if not name:
        errors.append(FieldError(f"{where}.name", "required"))
        return None
    entry = {"name": name}
    birthdate = person.get("birthdate")
    if birthdate is not None:
        if not _is_iso_date(birthdate):
            errors.append(FieldError(f"{where}.birthdate", "invalid_date"))
            return None
        entry["birthdate"] = birthdate
    for key, limit in (("role", 100), ("address", ADDRESS_MAX)):
        value = _text(person, key, [], max_length=limit)
        if value:
            entry[key] = value
    return entry


def _is_iso_date(value) -> bool:
    if not isinstance(value, str) or not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _persons(data, errors) -> list[dict]:
    persons = data.get("persons")
    if persons is None:
        return []
    if not isinstance(persons, list) or len(persons) > MAX_PERSONS:
        errors.append(FieldError("persons", "invalid_persons"))
        return []
    clean = [_person(p, f"persons[{i}]", errors) for i, p in enumerate(persons)]
    return [p for p in clean if p is not None]


def _photos(data, errors) -> list[CleanPhoto]:
    photos = data.get("photos")
    if photos is None:
        return []
    if not isinstance(photos, list):
        errors.append(FieldError("photos", "invalid_photos"))
        return []
    if len(photos) > MAX_PHOTOS:
        errors.append(FieldError("photos", "too_many_photos"))
        return []
    clean = []
    for index, photo in enumerate(photos):
        where = f"photos[{index}]"
        texts = ("filename", "content-type")
        if (
            not isinstance(photo, dict)
            or set(photo) - PHOTO_FIELDS
            or not all(isinstance(photo.get(k) or "", str) for k in texts)
        ):
            errors.append(FieldError(where, "invalid_photo"))
            continue
        try:
            raw = decode_base64(photo.get("data"))
            clean.append(
                clean_photo(
                    raw, photo.get("content-type") or "", photo.get("filename") or ""
                )
            )
        except PhotoError as exc:
            errors.append(FieldError(where, f"photo_{exc.code}"))
    return clean


def validate_intake(
    data, categories: set[str], now: datetime, local: tzinfo
) -> SignalIntake:
    """Check a decoded JSON body; raise IntakeInvalid listing every problem."""
    if not isinstance(data, dict):
        raise IntakeInvalid([FieldError("body", "not_object")])
    errors = [
        FieldError(name, "unknown_field") for name in sorted(set(data) - ALLOWED_FIELDS)
    ]
    client_id = _text(data, "client_id", errors, required=True)
    if client_id and not CLIENT_ID.match(client_id):
        errors.append(FieldError("client_id", "invalid_client_id"))
    category = _text(data, "category", errors, required=True)
    if category and category not in categories:
        errors.append(FieldError("category", "unknown_category"))
    description = _text(
        data, "description", errors, required=True, max_length=DESCRIPTION_MAX
    )
    lat, lon = _location(data, errors)
    address = _text(data, "address", errors, max_length=ADDRESS_MAX)
    if (
        "location" not in data
        and not address
        and not any(e.field == "address" for e in errors)
    ):
        errors.append(FieldError("location", "location_or_address"))
    observed_at = _observed_at(data, errors, now, local)
    urgent = data.get("urgent", False)
    if not isinstance(urgent, bool):
        errors.append(FieldError("urgent", "not_boolean"))
    persons = _persons(data, errors)
    photos = [] if errors else _photos(data, errors)
    if errors:
        raise IntakeInvalid(errors)
    return SignalIntake(
        client_id=client_id,
        category=category,
        description=description,
        latitude=lat,
        longitude=lon,
        address=address,
        observed_at=observed_at,
        urgent=urgent,
        persons=persons,
        photos=photos,
    )
