"""Photo intake: decode, check and re-encode so no metadata survives.

Re-encoding (not stripping tags) is the only reliable way to drop EXIF (GPS, camera,
owner), XMP, IPTC and ICC data: the stored file holds pixels and nothing else.
Orientation is applied first so that photos still show upright.
"""

from dataclasses import dataclass
from io import BytesIO

import base64
import binascii


MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_PHOTOS = 5
# Stored photos are at most this many pixels on their long side (about 3 MP): ample
# to see a front door, a plate or a hemp smell's source, a quarter of a phone's
# 12 MP. 2048 rather than 2000 so that a 4032 px photo, decoded at half scale
# (JPEG draft mode), needs no resize at all: resizing 2016 to 2000 px cost more
# than decoding and encoding together (bench: photo intake).
MAX_EDGE = 2048
MIN_DECODED_EDGE = 1536  # large JPEGs keep at least this much when decoded
# claimed content type -> Pillow format read, format written, content type written
FORMATS = {
    "image/jpeg": ("JPEG", "JPEG", "image/jpeg"),
    "image/png": ("PNG", "PNG", "image/png"),
    "image/webp": ("WEBP", "JPEG", "image/jpeg"),
}
EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png"}


class PhotoError(ValueError):
    """code is one of: not_base64, too_large, unsupported_type, not_image,
    type_mismatch, too_many_pixels."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class CleanPhoto:
    data: bytes
    content_type: str
    filename: str
    width: int
    height: int


def decode_base64(text: str) -> bytes:
    if not isinstance(text, str) or not text:
        raise PhotoError("not_base64")
    if text.startswith("data:") and "," in text:
        text = text.split(",", 1)[1]
    if len(text) > MAX_BYTES * 4 // 3 + 8:
        raise PhotoError("too_large")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise PhotoError("not_base64") from exc


def safe_filename(name: str, content_type: str) -> str:
    stem = "".join(
        c for c in (name or "foto").rsplit(".", 1)[0] if c.isalnum() or c in "-_"
    )
    return (stem[:60] or "foto") + EXTENSIONS[content_type]


def _open(data: bytes, read_format: str):
    """Open and decode, refusing non-images, wrong formats and pixel bombs."""
    from PIL import Image
    from PIL import ImageOps
    from PIL import UnidentifiedImageError

    try:
        image = Image.open(BytesIO(data))  # reads the header only
        if image.format != read_format:
            raise PhotoError("type_mismatch")
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise PhotoError("too_many_pixels")
        scale = MIN_DECODED_EDGE / max(width, height)
        if scale < 1 and image.format == "JPEG":
            # DCT scaling while decoding (1/2, 1/4 or 1/8): the smallest that still
            # gives MIN_DECODED_EDGE; only what is then above MAX_EDGE is resized.
            image.draft("RGB", (int(width * scale), int(height * scale)))
        image.load()
        image = ImageOps.exif_transpose(image)
        if max(image.size) > MAX_EDGE:
            image.thumbnail((MAX_EDGE, MAX_EDGE), Image.Resampling.LANCZOS)
        return image
    except PhotoError:
        raise
    except Image.DecompressionBombError as exc:
        raise PhotoError("too_many_pixels") from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise PhotoError("not_image") from exc


def _encode(image, write_format: str) -> bytes:
    """Write pixels only: Pillow copies no EXIF, XMP, IPTC or ICC unless asked."""
    out = BytesIO()
    if write_format == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        # No optimize=True: a second entropy pass for ~5 % fewer bytes doubled
        # the encoding time.
        image.save(out, "JPEG", quality=88)
    else:
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGBA")
        image.save(out, "PNG", optimize=True)
    return out.getvalue()


def clean_photo(data: bytes, claimed_type: str, filename: str = "") -> CleanPhoto:
    if len(data) > MAX_BYTES:
        raise PhotoError("too_large")
    if claimed_type not in FORMATS:
        raise PhotoError("unsupported_type")
    read_format, write_format, content_type = FORMATS[claimed_type]
    image = _open(data, read_format)
    return CleanPhoto(
        data=_encode(image, write_format),
        content_type=content_type,
        filename=safe_filename(filename, content_type),
        width=image.size[0],
        height=image.size[1],
    )
