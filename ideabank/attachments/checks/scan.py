"""The personal-data guard over a document's text, piece by piece, so a refusal can say roughly where."""

from ideabank.validators import contains_cpr_number

from .errors import personal_data


def check_text(name, pieces, join_adjacent=True):
    """`pieces` is [(where, text)] in reading order. Refuse the file at the first piece with a CPR number.

    Each piece is scanned on its own and, with `join_adjacent`, also run together with the end of the one
    before it (a number broken over two lines or paragraphs). Spreadsheets are not joined: two numbers in
    neighbouring cells are two numbers. `where` is a short phrase such as "side 3" or "afsnit 12".
    """
    previous = ""
    for where, text in pieces:
        joined = join_adjacent and previous and contains_cpr_number(previous[-20:] + text[:20])
        if joined or contains_cpr_number(text):
            raise personal_data(name, where)
        previous = text.strip()
