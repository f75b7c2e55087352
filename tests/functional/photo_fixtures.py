"""Test photos made on the fly (no binary fixtures): a JPEG full of metadata."""

from io import BytesIO
from PIL import Image

import base64
import piexif


def jpeg_with_metadata(width=40, height=20, orientation=6) -> bytes:
    """A JPEG with GPS, camera, owner, an ICC profile and orientation 6 (90°)."""
    exif = {
        "0th": {
            piexif.ImageIFD.Make: b"SpyCam",
            piexif.ImageIFD.Model: b"X-1000",
            piexif.ImageIFD.Artist: b"Agent Jansen",
            piexif.ImageIFD.Orientation: orientation,
        },
        "Exif": {piexif.ExifIFD.BodySerialNumber: b"SN-123456"},
        "GPS": {
            piexif.GPSIFD.GPSLatitudeRef: b"N",
            piexif.GPSIFD.GPSLatitude: ((52, 1), (22, 1), (5993, 100)),
            piexif.GPSIFD.GPSLongitudeRef: b"E",
            piexif.GPSIFD.GPSLongitude: ((4, 1), (38, 1), (1450, 100)),
        },
    }
    image = Image.new("RGB", (width, height), (200, 30, 30))
    for x in range(width // 2):  # a marker to check the rotation
        image.putpixel((x, 0), (0, 0, 255))
    out = BytesIO()
    image.save(out, "JPEG", exif=piexif.dump(exif), icc_profile=b"\0" * 128)
    return out.getvalue()


def png_bytes(width=10, height=10) -> bytes:
    out = BytesIO()
    Image.new("RGB", (width, height), (0, 128, 0)).save(out, "PNG")
    return out.getvalue()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def photo(data: bytes, content_type="image/jpeg", filename="straat.jpg") -> dict:
    return {"filename": filename, "content-type": content_type, "data": b64(data)}
