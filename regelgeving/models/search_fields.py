"""Search fields whose value is worked out once per page instance, however often a backend reads it."""

from wagtail.search import index


class StreamSearchField(index.SearchField):
    """A StreamField's searchable text, extracted once per page instance and value.

    A search backend reads each field once for every part of a page's index entry: title,
    autocomplete and body, and on PostgreSQL also the plain texts for fuzzy search. For a
    StreamField each read walks every rich-text block through an HTML parser; the text is kept
    on the instance beside the value it came from, so a new value is read afresh.
    """

    def get_value(self, obj):
        kept = obj.__dict__.setdefault("_searchable_content", {})
        value = getattr(obj, self.field_name)
        if self.field_name in kept and kept[self.field_name][0] is value:
            return kept[self.field_name][1]
        text = super().get_value(obj)
        kept[self.field_name] = (value, text)
        return text
