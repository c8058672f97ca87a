"""The personal-data guard over a document's text, piece by piece, so a refusal can say roughly where."""

from ideabank.validators import contains_cpr_number

from .errors import personal_data


def check_text(name, pieces):
    """`pieces` is [(where, text)] in reading order. Refuse the file at the first piece with a CPR number.

    Each piece is scanned on its own and joined to the end of the one before it (a number broken over
    two paragraphs or cells); `where` is a short phrase such as "side 3" or "afsnit 12".
    """
    previous = ""
    for where, text in pieces:
        if contains_cpr_number(text) or (previous and contains_cpr_number(f"{previous[-40:]}\n{text[:40]}")):
            raise personal_data(name, where)
        previous = text
