"""How much a file may unpack to. A document's text and an archive's contents grow with the file; a
zip bomb's do not stop. Anything past these bounds is refused before it is read in full."""

# Unpacked bytes of an Office or OpenDocument file: at most this many times the file, and never more
# than UNPACKED_MAX (a small file gets UNPACKED_FLOOR whatever its ratio).
UNPACKED_RATIO = 100
UNPACKED_FLOOR = 10 * 1024 * 1024
UNPACKED_MAX = 150 * 1024 * 1024
ZIP_MEMBERS_MAX = 5000

# Characters of text extracted from a document, the same way.
TEXT_RATIO = 20
TEXT_FLOOR = 500_000
TEXT_MAX = 5_000_000

PDF_PAGES_MAX = 2000
PDF_OBJECTS_MAX = 500_000
IMAGE_PIXELS_MAX = 60_000_000  # a 10 MB photo is at most ~50 megapixels; more is a decompression bomb


def unpacked_budget(size):
    return min(UNPACKED_MAX, max(UNPACKED_FLOOR, size * UNPACKED_RATIO))


def text_budget(size):
    return min(TEXT_MAX, max(TEXT_FLOOR, size * TEXT_RATIO))
