"""Every attached file is checked here before anything is stored (issue #21).

`inspect(upload)` decides the type by content (types.py), refuses what is not welcome (errors.py) and
returns an `Inspected` file: the bytes to store (images re-encoded, Office and OpenDocument files without
the properties that name people), the text to index, a page count and, for images, a thumbnail.
"""

from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from ideabank.validators import contains_cpr_number

from .errors import Refused, TooLarge, encrypted, unsupported
from .images import inspect_image
from .office import inspect_package
from .pdf import inspect_pdf
from .scan import check_text
from .types import KINDS, Kind, sniff

__all__ = ["KINDS", "Inspected", "Kind", "Refused", "TooLarge", "inspect", "max_bytes"]

NAME_MAX = 100


@dataclass
class Inspected:
    name: str
    kind: Kind
    content: bytes
    text: str = ""
    page_count: int | None = None
    thumbnail: bytes | None = None
    width: int | None = None
    height: int | None = None

    @property
    def size(self):
        return len(self.content)


def max_bytes():
    return settings.IDEABANK_ATTACHMENT_MAX_BYTES


def display_name(name, kind=None):
    """The file's own name, made safe for a path and a header, with the extension its content has."""
    path = PurePath(str(name or "").replace("\\", "/"))
    stem = get_valid_filename(path.stem.strip()[:NAME_MAX]) if path.stem.strip() else ""
    stem = stem or _("fil")
    return stem + (kind.extension if kind else path.suffix.lower()[:8])


def inspect(upload):
    """An uploaded file (anything with `name`, `size` and `read()`), checked; raises Refused."""
    shown = display_name(upload.name)
    if contains_cpr_number(str(upload.name)):
        raise Refused(shown, _("Filnavnet ser ud til at indeholde et CPR-nummer. Omdøb filen."), code="cpr_number")
    limit = max_bytes()
    if upload.size is not None and upload.size > limit:
        raise too_large(shown, limit)
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise too_large(shown, limit)
    found = sniff(data[:16])
    if found is None:
        raise unsupported(shown)
    if found == "ole2":
        raise encrypted(shown)
    if found == "zip":
        kind, content, pages, pieces, properties = inspect_package(shown, data)
        name = display_name(upload.name, kind)
        check_text(name, pieces, join_adjacent=kind.key not in ("xlsx", "ods"))
        check_text(name, properties, join_adjacent=False)
        return Inspected(name, kind, content, text=joined(pieces), page_count=pages)
    name = display_name(upload.name, found)
    if found.key == "pdf":
        pages, pieces = inspect_pdf(name, data)
        check_text(name, pieces)
        return Inspected(name, found, data, text=joined(pieces), page_count=pages)
    content, thumbnail, (width, height) = inspect_image(name, data, found)
    return Inspected(name, found, content, thumbnail=thumbnail, width=width, height=height)


def too_large(name, limit):
    return TooLarge(
        name, _("Filen er større end %(size)d MB. Gør den mindre, og prøv igen.") % {"size": limit // 1024 // 1024}
    )


def joined(pieces):
    return "\n".join(text for _where, text in pieces if text.strip())
