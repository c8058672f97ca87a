"""Real files made on the spot for the attachment tests: PDFs (reportlab, pypdf), Word and PowerPoint
(python-docx, python-pptx), Excel (openpyxl), OpenDocument (written by hand: it is a zip of XML), images
with EXIF GPS (Pillow), and the things that must be refused."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def pdf(*pages, author="Hanne Hansen"):
    """A PDF with one page per string (lines split on newlines)."""
    out = io.BytesIO()
    document = canvas.Canvas(out, pagesize=A4)
    document.setAuthor(author)
    for text in pages or ("Tom side",):
        y = 800
        for line in text.splitlines():
            document.drawString(72, y, line)
            y -= 16
        document.showPage()
    document.save()
    return out.getvalue()


def rewritten_pdf(source, change):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(source)))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_with_javascript():
    return rewritten_pdf(pdf("Drejebog"), lambda writer: writer.add_js("app.alert('hej');"))


def encrypted_pdf():
    return rewritten_pdf(pdf("Drejebog"), lambda writer: writer.encrypt("hemmelig", algorithm="AES-256"))


def pdf_with_embedded_file():
    return rewritten_pdf(pdf("Drejebog"), lambda writer: writer.add_attachment("skjult.exe", b"MZ\x90\x00"))


def docx(*paragraphs, author="Hanne Hansen", company=None):
    import docx as python_docx

    document = python_docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.core_properties.author = author
    document.core_properties.last_modified_by = author
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    if company:
        data = replace_member(
            data,
            "docProps/app.xml",
            lambda xml: xml.replace(b"</Properties>", f"<Company>{company}</Company></Properties>".encode()),
        )
    return data


def replace_member(data, member, change, add=None):
    """The zip again with `member` changed (bytes → bytes) and any members in `add` appended."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info, change(content) if info.filename == member else content)
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def macro_docx():
    """A Word file with a VBA project, declared as macro-enabled (what Word writes as .docm)."""
    return replace_member(
        docx("Drejebog med makro"),
        "[Content_Types].xml",
        lambda xml: xml.replace(
            b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
        ).replace(
            b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'
        ),
        add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512},
    )


def xlsx(rows, sheet="Budget"):
    from openpyxl import Workbook

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for row in rows:
        worksheet.append(row)
    workbook.properties.creator = "Hanne Hansen"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def pptx(*slides):
    from pptx import Presentation

    presentation = Presentation()
    for text in slides:
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])
        slide.shapes.title.text = "Dias"
        slide.placeholders[1].text = text
    presentation.core_properties.author = "Hanne Hansen"
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()


ODF_TEXT = "application/vnd.oasis.opendocument.text"


def odt(*paragraphs, creator="Hanne Hansen"):
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    body = "".join(f"<text:p>{paragraph}</text:p>" for paragraph in paragraphs)
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{office}" '
        f'xmlns:text="{text}" office:version="1.3"><office:body><office:text>{body}</office:text>'
        "</office:body></office:document-content>"
    )
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="{office}" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        f'office:version="1.3"><office:meta><meta:initial-creator>{creator}</meta:initial-creator>'
        f"<dc:creator>{creator}</dc:creator><dc:title>Drejebog</dc:title>"
        '<meta:document-statistic meta:page-count="2"/></office:meta></office:document-meta>'
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{ODF_TEXT}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), ODF_TEXT)  # first and stored, as the standard says
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("meta.xml", meta, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return out.getvalue()


GPS = {1: "N", 2: (56.0, 9.0, 30.5), 3: "E", 4: (10.0, 12.0, 3.25)}


def jpeg_with_gps(size=(300, 200), orientation=6, fmt="JPEG"):
    """A photo carrying GPS coordinates, a camera make and an orientation that turns it on its side."""
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, size[0] // 2, size[1]))  # left half blue: shows which way is up
    exif = Image.Exif()
    exif[0x010F] = "Kamerafabrikken"
    exif[0x0112] = orientation
    exif.get_ifd(0x8825).update(GPS)
    out = io.BytesIO()
    image.save(out, fmt, exif=exif.tobytes())
    return out.getvalue()


def png(size=(120, 80)):
    out = io.BytesIO()
    Image.new("RGBA", size, (10, 120, 60, 255)).save(out, "PNG")
    return out.getvalue()


def zip_bomb():
    """A "Word file" whose one member unpacks to 60 MB of zeros from a few dozen kilobytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", docx_content_types())
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(60):
                member.write(chunk)
    return out.getvalue()


def docx_content_types():
    return zipfile.ZipFile(io.BytesIO(docx("x"))).read("[Content_Types].xml")


def plain_zip():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("drejebog.txt", "Drejebog")
    return out.getvalue()


# A Windows program: "MZ", the DOS stub, and a PE header.
EXECUTABLE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00" + b"\x00" * 400
)
