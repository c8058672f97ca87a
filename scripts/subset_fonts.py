"""`make assets`, step two: IBM Plex Sans as shipped by DKFDS holds Cyrillic, Greek and Vietnamese too (56 KiB
a face). Our pages are Danish and English, so each face is cut to Latin-1 plus the punctuation and symbols
Danish text uses, as woff2, into fonts/IBMPlexSans/latin/. A character outside the set still shows, in the
fallback font. scripts/purgecss/purge.mjs then points the stylesheet's faces at these files.
"""

from pathlib import Path

from fontTools import subset

FONTS = Path(__file__).resolve().parent.parent / "static" / "vendor" / "dkfds" / "fonts" / "IBMPlexSans"
# Latin-1, the typographic punctuation (dashes, quotes, ellipsis, bullet), €, ™, arrows and minus.
UNICODES = "U+0000-00FF,U+0131,U+0152-0153,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2190-2193,U+2212"


def main():
    target = FONTS / "latin"
    target.mkdir(exist_ok=True)
    for source in sorted((FONTS / "complete" / "woff2").glob("*.woff2")):
        output = target / source.name
        subset.main(
            [
                str(source),
                f"--unicodes={UNICODES}",
                "--flavor=woff2",
                "--layout-features=*",
                "--no-hinting",
                "--desubroutinize",
                f"--output-file={output}",
            ]
        )
        print(f"==> {output.relative_to(FONTS.parent.parent)}: {output.stat().st_size / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
