"""The building blocks of a method's description: how to do it, who does it, with what, in whose words."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Trin"), max_length=200)
    body = blocks.RichTextBlock(label=_("Sådan gør I"), features=RICH_TEXT_FEATURES)
    duration = blocks.CharBlock(label=_("Varighed"), max_length=100, required=False)

    class Meta:
        icon = "list-ol"
        label = _("Trin")
        template = "blocks/step_block.html"


class RoleBlock(blocks.StructBlock):
    role = blocks.CharBlock(label=_("Rolle"), max_length=200)
    responsibilities = blocks.RichTextBlock(label=_("Opgaver"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "user"
        label = _("Rolle")
        template = "blocks/role_block.html"


class MaterialBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Materiale"), max_length=200)
    description = blocks.TextBlock(label=_("Beskrivelse"), required=False)
    link = blocks.URLBlock(label=_("Link"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Materiale")
        template = "blocks/material_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citat"))
    attribution = blocks.CharBlock(label=_("Hvem siger det"), max_length=200, required=False)

    class Meta:
        icon = "openquote"
        label = _("Citat")
        template = "blocks/quote_block.html"


class MethodDescriptionBlock(blocks.StreamBlock):
    step = StepBlock()
    role = RoleBlock()
    material = MaterialBlock()
    quote = QuoteBlock()
    paragraph = blocks.RichTextBlock(label=_("Tekst"), features=RICH_TEXT_FEATURES, icon="pilcrow")
