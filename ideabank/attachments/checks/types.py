"""The file types Idébanken accepts, and telling them apart by their content alone.

A file's name and its declared type are the sender's word; the first bytes (and, for zip-based
formats, the members inside) are what the file is. Office and OpenDocument files are zip archives;
office.py looks inside to tell a Word file from a spreadsheet, a macro-enabled file or a plain archive.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    key: str
    mime: str
    extension: str
    label: str
    family: str  # "pdf", "ooxml", "odf" or "image"

    @property
    def is_image(self):
        return self.family == "image"


KINDS = {
    kind.key: kind
    for kind in (
        Kind("pdf", "application/pdf", ".pdf", _("PDF"), "pdf"),
        Kind(
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".docx",
            _("Word-dokument"),
            "ooxml",
        ),
        Kind(
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".xlsx",
            _("Excel-regneark"),
            "ooxml",
        ),
        Kind(
            "pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            ".pptx",
            _("PowerPoint-præsentation"),
            "ooxml",
        ),
        Kind("odt", "application/vnd.oasis.opendocument.text", ".odt", _("OpenDocument-tekst"), "odf"),
        Kind("ods", "application/vnd.oasis.opendocument.spreadsheet", ".ods", _("OpenDocument-regneark"), "odf"),
        Kind("odp", "application/vnd.oasis.opendocument.presentation", ".odp", _("OpenDocument-præsentation"), "odf"),
        Kind("png", "image/png", ".png", _("PNG-billede"), "image"),
        Kind("jpeg", "image/jpeg", ".jpg", _("JPEG-billede"), "image"),
        Kind("webp", "image/webp", ".webp", _("WebP-billede"), "image"),
    )
}
KIND_CHOICES = [(kind.key, kind.label) for kind in KINDS.values()]
ODF_KINDS = {KINDS[key].mime: KINDS[key] for key in ("odt", "ods", "odp")}

ZIP = b"PK\x03\x04"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Office files, and every password-protected new one


def sniff(head):
    """What the first bytes say: a Kind, "zip" (look inside), "ole2" (encrypted or old Office) or None."""
    if head.startswith(b"%PDF-"):
        return KINDS["pdf"]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return KINDS["png"]
    if head.startswith(b"\xff\xd8\xff"):
        return KINDS["jpeg"]
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return KINDS["webp"]
    if head.startswith(ZIP):
        return "zip"
    if head.startswith(OLE2):
        return "ole2"
    return None
