"""Danish formats everywhere (#16): numbers with thousands separators and dates written out, in Danish and
English, from Django's localisation (ideabank/formats) — the same on pages, in e-mails and in charts' tables."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.factories import IdeaFactory


def render(source, language, **context):
    with translation.override(language):
        return Template("{% load l10n %}" + source).render(Context(context)).strip()


@pytest.mark.parametrize(
    ("language", "number", "date", "datetime_text"),
    [
        ("da", "43.588", "17. december 2024", "17. december 2024 kl. 09.05"),
        ("en", "43,588", "17 December 2024", "17 December 2024, 09:05"),
    ],
)
def test_numbers_and_dates_in_each_language(language, number, date, datetime_text):
    moment = datetime.datetime(2024, 12, 17, 9, 5)
    assert render("{{ n }}", language, n=43588) == number
    assert render('{{ d|date:"DATE_FORMAT" }}', language, d=moment.date()) == date
    assert render("{{ d }}", language, d=moment.date()) == date
    assert render('{{ d|date:"DATETIME_FORMAT" }}', language, d=moment) == datetime_text


def test_ids_and_years_are_never_grouped():
    assert render("{{ n|unlocalize }}", "da", n=12345) == "12345"
    assert render("{{ n|stringformat:'d' }}", "da", n=12345) == "12345"


def test_decimals_use_the_languages_separator():
    assert render('{{ n|floatformat:"2g" }}', "da", n=4465.5) == "4.465,50"
    assert render('{{ n|floatformat:"2g" }}', "en", n=4465.5) == "4,465.50"


@pytest.mark.django_db
def test_pages_show_danish_dates_and_english_ones_when_chosen(client):
    idea = IdeaFactory(published_at=datetime.datetime(2024, 12, 17, 12, tzinfo=datetime.UTC))
    assert "17. december 2024" in client.get(idea.get_absolute_url()).content.decode()
    client.cookies["django_language"] = "en"
    html = client.get(idea.get_absolute_url(), headers={"accept-language": "en"}).content.decode()
    assert "17 December 2024" in html


@pytest.mark.django_db
def test_big_counts_on_pages_have_thousands_separators(client):
    idea = IdeaFactory()
    type(idea).objects.filter(pk=idea.pk).update(vote_count=12345)
    html = client.get(idea.get_absolute_url()).content.decode()
    assert "12.345 stemmer" in html
    assert f"/ws/ideas/{idea.pk}/" in html
