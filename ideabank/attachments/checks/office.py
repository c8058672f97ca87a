"""Office (OOXML) and OpenDocument files: zip archives, looked at from the central directory in.

Before anything is unpacked, the archive's declared sizes are weighed against the file (zip bombs);
then its members say what it is (a Word file, a macro-enabled one, or a plain archive), its XML gives
the text piece by piece, and the document properties that name people are removed.
"""

import io
import re
import xml.etree.ElementTree as ET  # noqa: S405 - serialising only; parsing goes through defusedxml
import zipfile
from posixpath import join, normpath

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from django.utils.translation import gettext as _

from . import limits
from .errors import Refused, encrypted, out_of_proportion, unreadable, unsupported
from .types import KINDS, ODF_KINDS, OLE2, ZIP

CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
DC = "{http://purl.org/dc/elements/1.1/}"
CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
MANIFEST = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"

OOXML_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": KINDS["docx"],
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": KINDS["xlsx"],
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": KINDS["pptx"],
}
MACRO_MEMBER = re.compile(r"(^|/)(vbaProject\.bin|vbaData\.xml|activeX/.*)$|^(Basic|Scripts)/", re.IGNORECASE)
# Properties that name people or the employer: removed from every stored file.
OOXML_PERSONAL = {
    "docProps/core.xml": {f"{DC}creator", f"{CP}lastModifiedBy"},
    "docProps/app.xml": {f"{EP}Company", f"{EP}Manager"},
}
ODF_PERSONAL = {f"{META}initial-creator", f"{DC}creator", f"{META}printed-by", f"{META}user-defined"}


def macros(name):
    return Refused(
        name,
        _("Filen indeholder makroer eller programkode. Gem den som et almindeligt dokument uden makroer."),
        code="macros",
    )


def embedded(name):
    return Refused(
        name,
        _("Filen indeholder indlejrede filer eller objekter. Fjern dem, eller gem dokumentet som PDF."),
        code="embedded",
    )


def archive(name):
    return Refused(name, _("Arkiver som zip-filer modtages ikke. Vedhæft filerne hver for sig."), code="archive")


class Package:
    """An Office or OpenDocument file, opened and weighed; `read()` never unpacks more than it declared."""

    def __init__(self, name, data):
        self.name = name
        self.size = len(data)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            self.members = self.zip.infolist()
        except (zipfile.BadZipFile, ValueError, OSError) as error:
            raise unreadable(name) from error
        if len(self.members) > limits.ZIP_MEMBERS_MAX:
            raise out_of_proportion(name)
        if sum(member.file_size for member in self.members) > limits.unpacked_budget(self.size):
            raise out_of_proportion(name)
        if any(member.flag_bits & 0x1 for member in self.members):
            raise encrypted(name)
        self.names = {member.filename for member in self.members}

    def read(self, member):
        try:
            return self.zip.read(member)
        except (zipfile.BadZipFile, NotImplementedError, OSError, RuntimeError) as error:
            raise unreadable(self.name) from error

    def xml(self, member):
        if member not in self.names:
            return None
        try:
            return SafeET.fromstring(self.read(member))
        except (ET.ParseError, DefusedXmlException) as error:
            raise unreadable(self.name) from error

    def identify(self):
        """The Kind this package is, or a refusal (macros, encrypted OpenDocument, any other archive)."""
        if any(MACRO_MEMBER.search(member) for member in self.names):
            raise macros(self.name)
        if "mimetype" in self.names:
            kind = ODF_KINDS.get(self.read("mimetype").decode("ascii", "replace").strip())
            if kind is None:
                raise unsupported(self.name)
            manifest = self.xml("META-INF/manifest.xml")
            if manifest is not None and manifest.find(f".//{MANIFEST}encryption-data") is not None:
                raise encrypted(self.name)
        else:
            types = self.xml("[Content_Types].xml")
            if types is None:
                raise archive(self.name)
            declared = [element.get("ContentType", "") for element in types]
            if any("macroenabled" in value.lower() or "vbaproject" in value.lower() for value in declared):
                raise macros(self.name)
            kind = next((OOXML_MAIN[value] for value in declared if value in OOXML_MAIN), None)
            if kind is None:
                raise unsupported(self.name)
        for member in self.members:  # a document inside the document would escape every check below
            if not member.is_dir() and self.head(member).startswith((OLE2, ZIP)):
                raise embedded(self.name)
        return kind

    def head(self, member):
        try:
            with self.zip.open(member) as stream:
                return stream.read(8)
        except (zipfile.BadZipFile, NotImplementedError, OSError, RuntimeError) as error:
            raise unreadable(self.name) from error

    # ---- text ---------------------------------------------------------------------------------

    def pieces(self, kind):
        """[(where, text)] in reading order, for the personal-data guard and the search index."""
        return {
            "docx": self._docx,
            "xlsx": self._xlsx,
            "pptx": self._pptx,
        }.get(kind.key, self._odf)(kind)

    def _docx(self, kind):
        pieces = []
        body = self.xml("word/document.xml")
        number = 0
        for paragraph in body.iter(f"{W}p") if body is not None else ():
            text = word_text(paragraph)
            if text.strip():
                number += 1
                pieces.append((_("afsnit %(number)d") % {"number": number}, text))
        parts = [
            (r"word/(header|footer)\d*\.xml", _("sidehoved eller sidefod")),
            (r"word/(footnotes|endnotes)\.xml", _("fodnoter")),
            (r"word/comments\w*\.xml", _("kommentarer")),
        ]
        for pattern, where in parts:
            for member in self._matching(pattern):
                pieces.extend((where, word_text(p)) for p in self.xml(member).iter(f"{W}p"))
        return pieces

    def _xlsx(self, kind):
        shared = []
        strings = self.xml("xl/sharedStrings.xml")
        if strings is not None:
            shared = ["".join(t.text or "" for t in item.iter(f"{S}t")) for item in strings.iter(f"{S}si")]
        pieces = []
        for sheet_name, member in self._sheets():
            sheet = self.xml(member)
            if sheet is None:
                continue
            for cell in sheet.iter(f"{S}c"):
                text = cell_text(cell, shared)
                if text:
                    where = _("ark «%(sheet)s», celle %(cell)s") % {"sheet": sheet_name, "cell": cell.get("r", "?")}
                    pieces.append((where, text))
        for member in self._matching(r"xl/comments\d*\.xml|xl/threadedComments/.*\.xml"):
            pieces.append((_("kommentarer"), " ".join(self.xml(member).itertext())))
        return pieces

    def _sheets(self):
        """[(sheet name, member)] in the workbook's order."""
        workbook = self.xml("xl/workbook.xml")
        rels = self.xml("xl/_rels/workbook.xml.rels")
        if workbook is None or rels is None:
            return []
        targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{REL}Relationship")}
        sheets = []
        for sheet in workbook.iter(f"{S}sheet"):
            target = targets.get(sheet.get(f"{R}id"), "")
            member = target.lstrip("/") if target.startswith("/") else normpath(join("xl", target))
            sheets.append((sheet.get("name", "?"), member))
        return sheets

    def _pptx(self, kind):
        pieces = []
        for member in sorted(self._matching(r"ppt/slides/slide\d+\.xml"), key=_number):
            where = _("dias %(number)d") % {"number": _number(member)}
            pieces.extend((where, drawing_text(p)) for p in self.xml(member).iter(f"{A}p"))
        for member in self._matching(r"ppt/notesSlides/notesSlide\d+\.xml"):
            pieces.extend((_("noter"), drawing_text(p)) for p in self.xml(member).iter(f"{A}p"))
        for member in self._matching(r"ppt/comments/.*\.xml"):
            pieces.append((_("kommentarer"), " ".join(self.xml(member).itertext())))
        return pieces

    def properties(self, kind):
        """[(where, text)] of the document properties: scanned by the guard, but never indexed (names)."""
        where = _("dokumentegenskaber")
        if kind.family == "odf":
            meta = self.xml("meta.xml")
            return [(where, " ".join(meta.itertext()))] if meta is not None else []
        return [
            (where, " ".join(self.xml(member).itertext()))
            for member in ("docProps/core.xml", "docProps/app.xml", "docProps/custom.xml")
            if member in self.names
        ]

    def _odf(self, kind):
        content = self.xml("content.xml")
        pieces = []
        if content is not None:
            if kind.key == "ods":
                for table in content.iter(f"{TABLE}table"):
                    where = _("ark «%(sheet)s»") % {"sheet": table.get(f"{TABLE}name", "?")}
                    pieces.extend((where, "".join(p.itertext())) for p in table.iter(f"{TEXT}p"))
            elif kind.key == "odp":
                for number, page in enumerate(content.iter(f"{DRAW}page"), start=1):
                    where = _("dias %(number)d") % {"number": number}
                    pieces.extend((where, "".join(p.itertext())) for p in page.iter(f"{TEXT}p"))
            else:
                number = 0
                for element in content.iter():
                    if element.tag in (f"{TEXT}p", f"{TEXT}h"):
                        text = "".join(element.itertext())
                        if text.strip():
                            number += 1
                            pieces.append((_("afsnit %(number)d") % {"number": number}, text))
        styles = self.xml("styles.xml")
        if styles is not None:
            pieces.extend((_("sidehoved eller sidefod"), "".join(p.itertext())) for p in styles.iter(f"{TEXT}p"))
        return pieces

    def _matching(self, pattern):
        compiled = re.compile(pattern)
        return sorted(member for member in self.names if compiled.fullmatch(member))

    # ---- page count ----------------------------------------------------------------------------

    def page_count(self, kind):
        """Pages (text), slides (presentations) or sheets (spreadsheets); None when the file does not say."""
        if kind.key == "docx":
            app = self.xml("docProps/app.xml")
            pages = app.find(f"{EP}Pages") if app is not None else None
            return _int(pages.text if pages is not None else None)
        if kind.key == "xlsx":
            return len(self._sheets()) or None
        if kind.key == "pptx":
            return len(self._matching(r"ppt/slides/slide\d+\.xml")) or None
        content = self.xml("content.xml")
        if kind.key == "ods":
            return sum(1 for _table in content.iter(f"{TABLE}table")) or None if content is not None else None
        if kind.key == "odp":
            return sum(1 for _page in content.iter(f"{DRAW}page")) or None if content is not None else None
        meta = self.xml("meta.xml")
        statistic = meta.find(f".//{META}document-statistic") if meta is not None else None
        return _int(statistic.get(f"{META}page-count") if statistic is not None else None)

    # ---- cleaning ------------------------------------------------------------------------------

    def cleaned(self, kind):
        """The file again, byte for byte, except the properties that name people (see OOXML_PERSONAL)."""
        replaced = {}
        if kind.family == "odf":
            if "meta.xml" in self.names:
                replaced["meta.xml"] = without(self.read("meta.xml"), ODF_PERSONAL)
        else:
            for member, tags in OOXML_PERSONAL.items():
                if member in self.names:
                    replaced[member] = without(self.read(member), tags)
            if "docProps/custom.xml" in self.names:
                replaced["docProps/custom.xml"] = without(self.read("docProps/custom.xml"), None)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for member in self.members:  # same order: OpenDocument's stored `mimetype` stays first
                copy = zipfile.ZipInfo(member.filename, date_time=member.date_time)
                copy.compress_type = member.compress_type
                copy.external_attr = member.external_attr
                target.writestr(copy, replaced.get(member.filename) or self.read(member))
        return out.getvalue()


def _number(member):
    return int(re.search(r"(\d+)\.xml$", member).group(1))


def _int(value):
    try:
        return int(value) if value else None
    except ValueError:
        return None


def word_text(paragraph):
    parts = []
    for element in paragraph.iter():
        if element.tag in (f"{W}t", f"{W}delText", f"{W}instrText"):
            parts.append(element.text or "")
        elif element.tag == f"{W}tab":
            parts.append("\t")
        elif element.tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
    return "".join(parts)


def drawing_text(paragraph):
    return "".join(t.text or "" for t in paragraph.iter(f"{A}t"))


def cell_text(cell, shared):
    kind = cell.get("t")
    value = cell.find(f"{S}v")
    if kind == "s" and value is not None:
        index = _int(value.text)
        return shared[index] if index is not None and 0 <= index < len(shared) else ""
    if kind == "inlineStr":
        return "".join(t.text or "" for t in cell.iter(f"{S}t"))
    return (value.text or "") if value is not None else ""


def without(data, tags):
    """XML with the elements `tags` (or, for None, every child of the root) removed, prefixes kept."""
    namespaces = [ns for _event, ns in SafeET.iterparse(io.BytesIO(data), events=("start-ns",))]
    root = SafeET.fromstring(data)
    default = ""
    for prefix, uri in namespaces:
        if prefix:
            try:
                ET.register_namespace(prefix, uri)
            except ValueError:  # ns0, ns1 …: ElementTree's own, harmless to leave to it
                pass
        else:
            default = uri
    for parent in list(root.iter()):
        for child in list(parent):
            if tags is None and parent is root or tags is not None and child.tag in tags:
                parent.remove(child)
    options = {"default_namespace": default} if default and root.tag.startswith("{" + default + "}") else {}
    try:
        return ET.tostring(root, encoding="UTF-8", xml_declaration=True, **options)
    except ValueError:  # an element outside the default namespace: write it with a prefix instead
        return ET.tostring(root, encoding="UTF-8", xml_declaration=True)


def inspect_package(name, data):
    """(kind, cleaned bytes, page count, [(where, text)], [(where, property text)]) of a safe Office or
    OpenDocument file."""
    package = Package(name, data)
    kind = package.identify()
    try:
        pieces = package.pieces(kind)
        properties = package.properties(kind)
        pages = package.page_count(kind)
        cleaned = package.cleaned(kind)
    except Refused:
        raise
    except (AttributeError, TypeError, ValueError, KeyError) as error:
        raise unreadable(name) from error
    if sum(len(text) for _where, text in pieces) > limits.text_budget(len(data)):
        raise out_of_proportion(name)
    return kind, cleaned, pages, pieces, properties
