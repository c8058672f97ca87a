"""The checks every file passes before it is stored (ideabank/attachments/checks): type by content, the CPR
guard over a document's text, metadata removal, and everything that is refused outright."""

import io
import zipfile

import pytest
from PIL import Image

from ideabank.attachments.checks import Refused, TooLarge, inspect

from . import files

# The spellings the guard knows (ideabank.validators); each page or paragraph goes through it as it stands.
CPR_SPELLINGS = ["010190-1234", "0101901234", "Borgerens cpr: 311299-4321 (mor)"]


def check(name, content):
    return inspect(files.upload(name, content))


def refusal(name, content):
    with pytest.raises(Refused) as caught:
        check(name, content)
    return caught.value


# ---- CPR numbers in documents --------------------------------------------------------------------------


@pytest.mark.parametrize("number", CPR_SPELLINGS)
def test_a_pdf_with_a_cpr_number_is_refused_with_its_page_never_the_number(number):
    error = refusal("drejebog.pdf", files.pdf("Drejebog for natcaféen", f"Deltager: {number}"))

    message = error.messages[0]
    assert "«drejebog.pdf»" in message
    assert "side 2" in message
    assert number not in message and "1234" not in message
    assert error.status == 422


@pytest.mark.parametrize("number", CPR_SPELLINGS)
def test_a_docx_with_a_cpr_number_is_refused_with_its_paragraph(number):
    error = refusal("samtaleguide.docx", files.docx("Indledning", "Spørg om hverdagen", f"Noter: {number}"))

    assert "«samtaleguide.docx»" in error.messages[0]
    assert "afsnit 3" in error.messages[0]


def test_a_cpr_number_split_over_two_paragraphs_is_found():
    error = refusal("noter.docx", files.docx("Intro", "010190-", "1234 deltog"))
    assert "afsnit 3" in error.messages[0]


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        ("budget.xlsx", files.xlsx([["Navn", "Udgift"], ["A", "010190-1234"]]), "ark «Budget», celle B2"),
        ("oplaeg.pptx", files.pptx("Velkommen", "Sag 0101901234"), "dias 2"),
        ("drejebog.odt", files.odt("Indledning", "CPR 010190-1234"), "afsnit 2"),
    ],
    ids=["xlsx", "pptx", "odt"],
)
def test_other_office_formats_are_scanned_too(name, content, where):
    assert where in refusal(name, content).messages[0]


def test_a_cpr_number_in_the_document_properties_is_found():
    data = files.docx("Intet her", author="Sag 010190-1234")
    assert "dokumentegenskaber" in refusal("x.docx", data).messages[0]


def test_a_cpr_number_in_the_file_name_is_refused():
    assert refusal("sag 010190-1234.pdf", files.pdf("Intet")).code == "cpr_number"


def test_phone_and_journal_numbers_pass():
    inspected = check("kontakt.pdf", files.pdf("Ring på 86 12 34 56 eller 86123456.", "Journalnr. 320190-1234"))
    assert "86123456" in inspected.text


# ---- accepted documents ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "kind", "pages"),
    [
        ("drejebog.pdf", files.pdf("Natcafé", "Frivillige"), "pdf", 2),
        ("drejebog.docx", files.docx("Natcafé", "Frivillige"), "docx", 1),
        ("budget.xlsx", files.xlsx([["Natcafé", 12000]]), "xlsx", 1),
        ("oplaeg.pptx", files.pptx("Natcafé", "Frivillige", "Kaffe"), "pptx", 3),
        ("drejebog.odt", files.odt("Natcafé", "Frivillige"), "odt", 2),
    ],
    ids=["pdf", "docx", "xlsx", "pptx", "odt"],
)
def test_documents_without_personal_data_are_accepted_with_their_text(name, content, kind, pages):
    inspected = check(name, content)

    assert inspected.kind.key == kind
    assert inspected.page_count == pages
    assert "Natcafé" in inspected.text


def test_the_type_comes_from_the_content_not_the_name():
    inspected = check("billede.png", files.pdf("Natcafé"))
    assert inspected.kind.key == "pdf"
    assert inspected.name == "billede.pdf"


def test_author_company_and_last_editor_are_removed_from_office_files():
    import docx

    inspected = check("drejebog.docx", files.docx("Natcafé", author="Hanne Hansen", company="Aarhus Kommune"))

    properties = docx.Document(io.BytesIO(inspected.content)).core_properties
    assert properties.author == ""
    assert properties.last_modified_by == ""
    app = zipfile.ZipFile(io.BytesIO(inspected.content)).read("docProps/app.xml")
    assert b"Aarhus Kommune" not in app
    assert b"Hanne Hansen" not in inspected.content
    assert "Hanne Hansen" not in inspected.text  # properties are scanned, never indexed
    assert docx.Document(io.BytesIO(inspected.content)).paragraphs[0].text == "Natcafé"


def test_creators_are_removed_from_opendocument_files():
    inspected = check("drejebog.odt", files.odt("Natcafé", creator="Hanne Hansen"))

    archive = zipfile.ZipFile(io.BytesIO(inspected.content))
    assert archive.infolist()[0].filename == "mimetype"
    assert archive.infolist()[0].compress_type == zipfile.ZIP_STORED
    assert b"Hanne Hansen" not in archive.read("meta.xml")
    assert b"Drejebog" in archive.read("meta.xml")  # the title stays


# ---- images -------------------------------------------------------------------------------------------------


def test_a_jpeg_with_gps_is_stored_without_any_exif_and_kept_upright():
    original = files.jpeg_with_gps(size=(300, 200), orientation=6)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the test photo does carry GPS

    inspected = check("opstilling.jpg", original)

    image = Image.open(io.BytesIO(inspected.content))
    assert image.format == "JPEG"
    assert not image.getexif()
    assert "exif" not in image.info
    assert b"Exif" not in inspected.content
    assert b"Kamerafabrikken" not in inspected.content
    # Orientation 6 means "turn 90° clockwise": the stored pixels are already turned.
    assert image.size == (200, 300)
    assert (inspected.width, inspected.height) == (200, 300)
    assert inspected.thumbnail and Image.open(io.BytesIO(inspected.thumbnail)).format == "WEBP"


def test_large_images_are_scaled_to_2400_pixels():
    big = io.BytesIO()
    Image.new("RGB", (4000, 1000), "white").save(big, "PNG")

    inspected = check("plakat.png", big.getvalue())

    assert Image.open(io.BytesIO(inspected.content)).size == (2400, 600)


def test_webp_images_lose_their_exif_too():
    inspected = check("foto.webp", files.jpeg_with_gps(fmt="WEBP", orientation=1))
    assert not Image.open(io.BytesIO(inspected.content)).getexif()


# ---- refused outright ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("drejebog.pdf", files.EXECUTABLE, "unsupported"),
        ("drejebog.pdf", files.encrypted_pdf(), "encrypted"),
        ("drejebog.pdf", files.pdf_with_javascript(), "refused"),
        ("drejebog.pdf", files.pdf_with_embedded_file(), "refused"),
        ("drejebog.docx", files.macro_docx(), "macros"),
        ("drejebog.docx", files.zip_bomb(), "out_of_proportion"),
        ("materiale.zip", files.plain_zip(), "archive"),
        ("noter.txt", b"Bare tekst", "unsupported"),
        ("gammel.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "encrypted"),
        ("halv.pdf", b"%PDF-1.7\n garbage", "unreadable"),
    ],
    ids=["executable", "encrypted", "javascript", "embedded", "macros", "zip-bomb", "zip", "text", "doc", "broken"],
)
def test_refused_files(name, content, code):
    error = refusal(name, content)
    assert error.code == code
    assert f"«{name.rsplit('.', 1)[0]}" in error.messages[0]


def test_javascript_and_embedded_files_are_named_in_the_message():
    assert "JavaScript" in refusal("a.pdf", files.pdf_with_javascript()).messages[0]
    assert "indlejrede filer" in refusal("a.pdf", files.pdf_with_embedded_file()).messages[0]


def test_a_docx_with_an_embedded_office_file_is_refused():
    data = files.replace_member(files.docx("Natcafé"), None, None, add={"word/embeddings/ark.xlsx": files.xlsx([[1]])})
    assert refusal("a.docx", data).code == "embedded"


def test_more_than_10_mb_is_refused_as_too_large(settings):
    error = refusal("stor.pdf", b"%PDF-1.7\n" + b"0" * (11 * 1024 * 1024))
    assert isinstance(error, TooLarge)
    assert error.status == 413
