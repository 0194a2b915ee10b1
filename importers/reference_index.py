"""Wagtail's reference index for the pages of a version, rebuilt in one go.

The reference index answers "which pages link here" (the "Verwezen vanuit" list of an article,
the articles of a begrip, Wagtail's usage counts). Wagtail updates it per saved object with three
queries each; the writer saves no page on its own, so it replaces the outgoing references of all
pages of the version at once: one DELETE, one INSERT. The references themselves are found by
Wagtail's own extraction, so they are exactly those a save would have recorded.
"""

from __future__ import annotations

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, ReferenceIndex


def rebuild_reference_index(pages: list[Page], removed: list[int] = ()) -> None:
    """The references of `pages` as they are now; those of the `removed` pages go."""
    _load_child_objects(pages)
    base_content_type = ContentType.objects.get_for_model(Page)
    ids = [str(page.pk) for page in pages] + [str(pk) for pk in removed]
    ReferenceIndex.objects.filter(base_content_type=base_content_type, object_id__in=ids).delete()
    rows = []
    for page in pages:
        content_type = ContentType.objects.get_for_model(page, for_concrete_model=False)
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(page)
        ):
            rows.append(
                ReferenceIndex(
                    content_type=content_type,
                    base_content_type=base_content_type,
                    object_id=str(page.pk),
                    to_content_type_id=to_content_type_id,
                    to_object_id=to_object_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
            )
    ReferenceIndex.objects.bulk_create(
        rows, batch_size=1000, ignore_conflicts=connection.features.supports_ignore_conflicts
    )


def _load_child_objects(pages: list[Page]) -> None:
    """Give each page its child objects (editors' comments) in memory, loaded for all at once.

    Wagtail's extraction also reads the references of a page's child objects, with a query per
    page; handed over beforehand, they are read from memory. Nothing is saved.
    """
    relations = {relation for page in pages for relation in get_all_child_relations(type(page))}
    ids = [page.pk for page in pages]
    for relation in relations:
        owner = relation.field.attname
        children = defaultdict(list)
        for child in relation.related_model._base_manager.filter(**{f"{owner}__in": ids}):
            children[getattr(child, owner)].append(child)
        name = relation.get_accessor_name()
        for page in pages:
            if relation in get_all_child_relations(type(page)):
                getattr(page, name).set(children[page.pk])
