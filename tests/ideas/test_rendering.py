"""User text (issue #3 §3): escaped, line breaks kept, only http(s) links clickable with
rel="nofollow ugc"; nothing a user types becomes markup or a script."""

import re

import pytest
from django.core.cache import cache
from django.template import Context, Template

from ideabank.ideas.templatetags.ideas import user_text
from tests.factories import CommentFactory, IdeaFactory

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg/onload=alert(1)>",
    '"><script>alert(1)</script>',
    '<a href="javascript:alert(1)">klik</a>',
    "<iframe src=//evil.example></iframe>",
    "</textarea><script>alert(1)</script>",
    "{{ request.user }} {% now 'Y' %}",
]


def anchors(html):
    return re.findall(r"<a\b[^>]*>", html)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_markup_is_escaped(payload):
    html = str(user_text(payload))
    assert "<script" not in html
    assert "<img" not in html
    assert "<svg" not in html
    assert "<iframe" not in html
    assert anchors(html) == []
    assert "&lt;" in html or "{{" in html


def test_template_syntax_is_not_evaluated():
    html = Template("{% load ideas %}{{ text|user_text }}").render(Context({"text": "{{ secret }}"}))
    assert html == "{{ secret }}"


def test_line_breaks_are_kept():
    assert str(user_text("Første linje\nAnden linje\r\nTredje\rFjerde")) == (
        "Første linje<br>Anden linje<br>Tredje<br>Fjerde"
    )


def test_blank_lines_are_kept():
    assert str(user_text("Afsnit et\n\nAfsnit to")) == "Afsnit et<br><br>Afsnit to"


def test_https_links_become_nofollow_ugc_links():
    html = str(user_text("Se https://socialstyrelsen.dk/metoder for mere"))
    assert html == (
        'Se <a href="https://socialstyrelsen.dk/metoder" rel="nofollow ugc">https://socialstyrelsen.dk/metoder</a>'
        " for mere"
    )


def test_http_links_become_links_too():
    html = str(user_text("http://example.dk/side?a=1&b=2"))
    assert anchors(html) == ['<a href="http://example.dk/side?a=1&amp;b=2" rel="nofollow ugc">']
    assert html.endswith(">http://example.dk/side?a=1&amp;b=2</a>")


def test_sentence_punctuation_stays_outside_the_link():
    html = str(user_text("Læs https://example.dk/rapport. Og (se https://example.dk/bilag)!"))
    assert 'href="https://example.dk/rapport"' in html
    assert "</a>. Og (se" in html
    assert 'href="https://example.dk/bilag"' in html
    assert "</a>)!" in html


@pytest.mark.parametrize(
    "text",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "  javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "ftp://example.dk/fil",
        "www.example.dk",
        "mailto:someone@example.dk",
        "https://",
    ],
)
def test_other_schemes_never_become_links(text):
    html = str(user_text(text))
    assert anchors(html) == []


def test_a_url_cannot_break_out_of_the_href():
    html = str(user_text('https://example.dk/"onmouseover="alert(1)'))
    assert anchors(html) == ['<a href="https://example.dk/" rel="nofollow ugc">']
    assert "onmouseover=&quot;" in html


def test_javascript_after_a_real_link_stays_text():
    html = str(user_text("https://example.dk javascript:alert(1)"))
    assert anchors(html) == ['<a href="https://example.dk" rel="nofollow ugc">']
    assert html.endswith(" javascript:alert(1)")


def test_empty_values_render_nothing():
    assert str(user_text(None)) == ""
    assert str(user_text("")) == ""


# ---- the payloads on the real pages ------------------------------------------------------


@pytest.fixture
def clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("payload", XSS_PAYLOADS[:6])
def test_payloads_render_inert_on_the_idea_page(client, staff, colleague, payload, clean_cache):
    idea = IdeaFactory(author=staff, title=f"Titel {payload}", problem=payload, solution=f"Før\n{payload}")
    CommentFactory(idea=idea, author=colleague, body=f"Kommentar {payload}")
    client.force_login(colleague)

    html = client.get(idea.get_absolute_url()).content.decode()

    assert payload not in html
    assert "alert(1)</script>" not in html
    assert 'onerror="alert' not in html
    assert "javascript:alert" not in re.sub(r"&[a-z]+;|&#\d+;", "", " ".join(anchors(html)))


@pytest.mark.django_db
def test_payloads_render_inert_in_the_list(client, staff, clean_cache):
    IdeaFactory(author=staff, title="<script>alert(1)</script>", tags=["<b>fed</b>"])

    html = client.get("/ideer/").content.decode()

    assert "<script>alert(1)" not in html
    assert "<b>fed</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.django_db
def test_links_and_line_breaks_on_the_idea_page(client, staff, clean_cache):
    idea = IdeaFactory(author=staff, solution="Se https://example.dk/guide\nog javascript:alert(1)")

    html = client.get(idea.get_absolute_url()).content.decode()

    assert (
        '<a href="https://example.dk/guide" rel="nofollow ugc">https://example.dk/guide</a><br>og javascript:alert(1)'
        in html
    )
    assert 'href="javascript:' not in html
