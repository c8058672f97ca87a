"""The site forms' guard (ideabank.forms.PersonalDataGuardMixin): one message per field, also for fields a
form adds in its own __init__; the error summary names the field."""

from django import forms

from ideabank.forms import DkfdsFormMixin
from ideabank.validators import USER_TEXT_VALIDATORS


class Declared(DkfdsFormMixin, forms.Form):
    title = forms.CharField(label="Titel", validators=USER_TEXT_VALIDATORS)
    secret = forms.CharField(label="Kode", widget=forms.PasswordInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"] = forms.CharField(label="Note", required=False)


def test_a_declared_guard_gives_one_message():
    form = Declared({"title": "010190 1234"})
    assert not form.is_valid()
    assert form.errors["title"] == [
        "Teksten ser ud til at indeholde et CPR-nummer. Fjern det — personnumre må ikke gemmes i Idébanken."
    ]


def test_a_field_added_in_init_is_guarded():
    form = Declared({"title": "Fast kontaktperson", "note": "01.01.90-1234"})
    assert not form.is_valid()
    assert "CPR-nummer" in form.errors["note"][0]


def test_passwords_are_not_scanned_and_cleaning_twice_adds_nothing():
    form = Declared({"title": "Fast kontaktperson", "secret": "0101901234"})
    assert form.is_valid()
    form.full_clean()
    assert sum(1 for v in form.fields["title"].validators if type(v).__name__ == "NoCprNumber") == 1
