"""Images: re-encoded from their pixels alone, so EXIF (GPS above all), XMP and text chunks go;
turned upright first, since the orientation lived in the EXIF that is dropped; at most 2,400 px."""

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

from . import limits
from .errors import out_of_proportion, unreadable

MAX_SIDE = 2400
THUMBNAIL_SIDE = 640
PILLOW_FORMATS = {"png": "PNG", "jpeg": "JPEG", "webp": "WEBP"}


def open_image(name, data, kind):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format != PILLOW_FORMATS[kind.key]:
                raise unreadable(name)
            if image.width * image.height > limits.IMAGE_PIXELS_MAX:
                raise out_of_proportion(name)
            image.seek(0)  # an animation keeps its first frame
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise out_of_proportion(name) from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as error:
        raise unreadable(name) from error
    return image


def upright(image):
    image = ImageOps.exif_transpose(image)
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA" if "A" in image.mode or "transparency" in image.info else "RGB")
    return image


def encode(image, kind):
    """The pixels in `kind`'s format, with no metadata but the colour profile."""
    profile = image.info.get("icc_profile")
    image.info = {}
    options = {"icc_profile": profile} if profile else {}
    if kind.key == "jpeg":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        options.update(quality=85, optimize=True)
    elif kind.key == "webp":
        options.update(quality=85)
    else:
        options.update(optimize=True)
    out = io.BytesIO()
    image.save(out, PILLOW_FORMATS[kind.key], **options)
    return out.getvalue()


def inspect_image(name, data, kind):
    """(cleaned bytes, thumbnail WebP bytes, (width, height)) of a safe image."""
    image = upright(open_image(name, data, kind))
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    cleaned = encode(image, kind)
    small = image.copy()
    small.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.info = {}
    small.save(out, "WEBP", quality=80)
    return cleaned, out.getvalue(), image.size
