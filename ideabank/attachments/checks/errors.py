"""Why a file is refused. Every refusal names the file; none ever repeats what was found in it."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class Refused(ValidationError):
    """The file is not stored. `status` is the HTTP status the API and the form answer with."""

    status = 422

    def __init__(self, name, reason, code="refused"):
        message = _("«%(name)s» blev ikke gemt: %(reason)s") % {"name": name, "reason": reason}
        super().__init__(message, code=code)


class TooLarge(Refused):
    status = 413


def unsupported(name):
    return Refused(
        name,
        _(
            "Filtypen modtages ikke. Vedhæft PDF, Word, Excel, PowerPoint, OpenDocument (tekst, regneark, "
            "præsentation), PNG, JPEG eller WebP."
        ),
        code="unsupported",
    )


def encrypted(name):
    return Refused(
        name,
        _("Filen er krypteret eller beskyttet med adgangskode. Gem en udgave uden adgangskode, og prøv igen."),
        code="encrypted",
    )


def out_of_proportion(name):
    return Refused(
        name,
        _("Filen fylder langt mere, når den pakkes ud, end den gør som fil (en såkaldt zip-bombe)."),
        code="out_of_proportion",
    )


def unreadable(name):
    return Refused(name, _("Filen er beskadiget eller kan ikke læses."), code="unreadable")


def personal_data(name, where):
    return Refused(
        name,
        _(
            "Filen ser ud til at indeholde et CPR-nummer (%(where)s). Fjern det i dokumentet, og vedhæft det igen "
            "— personnumre må ikke gemmes i Idébanken."
        )
        % {"where": where},
        code="cpr_number",
    )
