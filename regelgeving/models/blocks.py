"""StreamField blocks that keep the structure of regulation text: leden, lists, tables.

Lists nest three levels deep (li/lijst/li/lijst/li), which covers every nesting
in the CVDR path statistics; text sits in rich text so page links are real
Wagtail links that the reference index tracks.
"""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

TEXT_FEATURES = ["bold", "italic", "link", "superscript", "subscript"]


class AlineaBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Alinea"
        template = "regelgeving/blocks/alinea.html"


class TussenkopBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = "Tussenkop"
        template = "regelgeving/blocks/tussenkop.html"


def _list_item(children=None, name="item"):
    fields = [
        ("nr", blocks.CharBlock(required=False, max_length=20, label="Nummer")),
        ("tekst", AlineaBlock(required=False, label="Tekst")),
    ]
    if children is not None:
        fields.append(("sublijst", blocks.ListBlock(children, required=False, label="Sublijst")))
    return blocks.StructBlock(fields, label="Onderdeel", icon="list-ul")


ITEM_3 = _list_item()
ITEM_2 = _list_item(ITEM_3)
ITEM_1 = _list_item(ITEM_2)


class LijstBlock(blocks.StructBlock):
    intro = blocks.CharBlock(required=False, label="Aanhef")
    items = blocks.ListBlock(ITEM_1, label="Onderdelen")

    class Meta:
        icon = "list-ol"
        label = "Lijst"
        template = "regelgeving/blocks/lijst.html"


class TabelBlock(TableBlock):
    class Meta:
        icon = "table"
        label = "Tabel"
        template = "regelgeving/blocks/tabel.html"


class FiguurBlock(blocks.StructBlock):
    """An image of the publication: the image itself when the publication held it, else the
    name of its file there, so a reader knows what is missing and where to find it."""

    afbeelding = ImageChooserBlock(required=False, label="Afbeelding")
    bron = blocks.CharBlock(required=False, max_length=255, label="Bestand in de publicatie")
    bijschrift = blocks.CharBlock(required=False, max_length=500, label="Bijschrift")
    alt = blocks.CharBlock(required=False, max_length=500, label="Tekstalternatief")

    class Meta:
        icon = "image"
        label = "Figuur"
        template = "regelgeving/blocks/figuur.html"


class InhoudBlock(blocks.StreamBlock):
    alinea = AlineaBlock()
    lijst = LijstBlock()
    tabel = TabelBlock()
    tussenkop = TussenkopBlock()
    figuur = FiguurBlock()


class LidBlock(blocks.StructBlock):
    nr = blocks.CharBlock(max_length=20, label="Lidnummer")
    inhoud = InhoudBlock(label="Inhoud")

    class Meta:
        icon = "list-ol"
        label = "Lid"
        template = "regelgeving/blocks/lid.html"


class TekstBlock(blocks.StreamBlock):
    """The body of an article, division intro, annex or definition."""

    alinea = AlineaBlock()
    lid = LidBlock()
    lijst = LijstBlock()
    tabel = TabelBlock()
    tussenkop = TussenkopBlock()
    figuur = FiguurBlock()
