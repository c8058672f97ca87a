"""PDF: no encryption, no JavaScript, no embedded files; text per page for the guard and for search."""

import io
import logging

from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import LimitReachedError, PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from . import limits
from .errors import Refused, encrypted, out_of_proportion, unreadable

logger = logging.getLogger(__name__)

# Keys (and name values) that mean a script, an embedded file or a launched program.
SCRIPT_NAMES = {"/JS", "/JavaScript", "/XFA"}
EMBEDDED_NAMES = {"/EmbeddedFiles", "/EmbeddedFile", "/EF", "/Launch", "/RichMedia"}


def active_content(reader):
    """ "script", "embedded" or None: walks every object reachable from the trailer, reading keys and
    names only (no stream is decoded), so content hidden in compressed object streams is found too."""
    stack, seen, visited = [reader.trailer], set(), 0
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            obj = obj.get_object()
        visited += 1
        if visited > limits.PDF_OBJECTS_MAX:
            return "too_many"
        if isinstance(obj, DictionaryObject):
            for name, value in obj.items():
                found = _classify(name) or (isinstance(value, NameObject) and _classify(value))
                if found:
                    return found
                stack.append(value)
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
    return None


def _classify(name):
    if name in SCRIPT_NAMES:
        return "script"
    if name in EMBEDDED_NAMES:
        return "embedded"
    return None


def inspect_pdf(name, data):
    """(pages, [(where, text)]) of a safe PDF; refuses anything else."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise encrypted(name)
        found = active_content(reader)
        if found == "script":
            raise Refused(name, _("PDF-filen indeholder JavaScript. Gem den uden scripts, fx med 'Udskriv til PDF'."))
        if found == "embedded":
            raise Refused(
                name, _("PDF-filen indeholder indlejrede filer eller handlinger. Gem den uden, og prøv igen.")
            )
        if found == "too_many":
            raise out_of_proportion(name)
        count = len(reader.pages)
        if count > limits.PDF_PAGES_MAX:
            raise out_of_proportion(name)
        budget = limits.text_budget(len(data))
        pieces = []
        for number, page in enumerate(reader.pages, start=1):
            text = page.extract_text() or ""
            budget -= len(text)
            if budget < 0:
                raise out_of_proportion(name)
            pieces.append((_("side %(page)d") % {"page": number}, text))
    except Refused:
        raise
    except LimitReachedError as error:  # a stream that decompresses past pypdf's bounds
        raise out_of_proportion(name) from error
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError) as error:
        logger.info("Unreadable PDF refused: %s", error)
        raise unreadable(name) from error
    return count, pieces
