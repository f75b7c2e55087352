"""Stored photos are at most MAX_EDGE pixels on the long side, upright."""

from goov.domain.photos import clean_photo
from goov.domain.photos import MAX_EDGE
from io import BytesIO
from PIL import Image

import pytest


def jpeg(width, height, orientation=None) -> bytes:
    image = Image.new("RGB", (width, height), (120, 80, 40))
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    out = BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


@pytest.mark.parametrize(
    "size,orientation,expected",
    [
        ((4032, 3024), None, (2016, 1512)),  # decoded at half scale, kept
        ((4032, 3024), 6, (1512, 2016)),  # rotated upright
        ((4624, 3472), None, (MAX_EDGE, 1538)),  # 16 MP: half scale, then resized
        ((3000, 2250), None, (MAX_EDGE, 1536)),  # half scale too small: resized
        ((1200, 900), None, (1200, 900)),
        ((5000, 400), None, (MAX_EDGE, 164)),
    ],
)
def test_long_side_is_limited(size, orientation, expected):
    photo = clean_photo(jpeg(*size, orientation), "image/jpeg", "a.jpg")
    assert (photo.width, photo.height) == expected
    assert Image.open(BytesIO(photo.data)).size == expected
    assert not Image.open(BytesIO(photo.data)).getexif()
