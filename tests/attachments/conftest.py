import pytest

from ideabank.attachments import services
from tests.factories import IdeaFactory

from . import files


@pytest.fixture
def idea(staff):
    return IdeaFactory(author=staff, title="Natcafé for hjemløse")


@pytest.fixture
def attach():
    """Attach a file through the service, as the form and the API do."""

    def attach(idea, name="drejebog.pdf", content=None, description="Drejebogen", user=None):
        content = files.pdf("Drejebog for natcaféen") if content is None else content
        return services.add_attachment(user or idea.author, idea, files.upload(name, content), description)

    return attach
