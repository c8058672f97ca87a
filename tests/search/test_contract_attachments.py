"""Attached documents are searchable with their idea, on both backends, weighted below the idea's own text
(issue #21). Runs twice through the `backend` fixture: the database and a real Elasticsearch."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict

from ideabank.attachments import services
from ideabank.ideas.models import Idea
from search import pages, service
from tests.attachments import files
from tests.factories import IdeaFactory


def attach(idea, name, content, description=""):
    return services.add_attachment(idea.author, idea, files.upload(name, content), description)


@pytest.fixture
def ideas(backend, staff, outsider):
    playbook = IdeaFactory(
        author=staff,
        title="Natcafé for hjemløse",
        problem="Hjemløse har intet varmt sted om natten.",
        solution="Frivillige holder åbent med kaffe og suppe.",
    )
    attach(playbook, "drejebog.pdf", files.pdf("Drejebog", "Vagtplanen lægges af koordinatoren hver fredag."))
    guide = IdeaFactory(
        author=outsider,
        title="Samtaleguide til første møde",
        problem="Første møde med en ny borger er svært.",
        solution="En kort guide med spørgsmål.",
    )
    attach(guide, "guide.docx", files.docx("Spørg ind til borgerens netværk og fritidsinteresser."))
    own_words = IdeaFactory(
        author=outsider,
        title="Fælles vagtplan for frivillige",
        problem="Frivillige ved ikke, hvornår de skal møde.",
        solution="En vagtplan på opslagstavlen i caféen.",
    )
    draft = IdeaFactory(author=staff, status=Idea.Status.DRAFT, title="Kladde med bilag")
    attach(draft, "kladde.pdf", files.pdf("Fritidsinteresser i kladden"))
    backend.sync()
    return {"playbook": playbook, "guide": guide, "own_words": own_words, "draft": draft}


def found(q):
    return service.idea_ids_matching(q)


def test_a_word_only_in_an_attached_pdf_finds_the_idea(ideas):
    assert found("koordinatoren") == [ideas["playbook"].pk]


def test_a_word_only_in_an_attached_docx_finds_the_idea_inflected(ideas):
    assert found("fritidsinteresse") == [ideas["guide"].pk]  # the draft's file is never found


def test_the_ideas_own_text_ranks_above_an_attached_file(ideas):
    ranked = found("vagtplan")
    assert ranked[:2] == [ideas["own_words"].pk, ideas["playbook"].pk]


def test_the_snippet_says_the_word_is_in_an_attached_file(ideas):
    query = QueryDict(mutable=True)
    query.update({"q": "koordinatoren"})
    results = pages.search(AnonymousUser(), query, kind="idea")

    [hit] = results.hits(list(results.items))

    assert "i vedhæftet fil «drejebog.pdf»:" in hit.snippet
    assert "<mark>koordinatoren</mark>" in hit.snippet


def test_removing_the_file_takes_its_words_out_of_the_index(ideas, backend):
    attachment = ideas["playbook"].attachments.get()
    services.remove_attachment(ideas["playbook"].author, attachment)
    backend.sync()
    assert found("koordinatoren") == []
