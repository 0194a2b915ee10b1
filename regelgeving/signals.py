"""A version is published and unpublished as a whole: its articles, annexes and begrippen
follow the version page (also when Wagtail's publish_scheduled publishes it on its date)."""

from wagtail.signals import page_published, page_unpublished

from .models import RegelingVersiePage
from .versions import publish_descendants, unpublish_descendants


def on_version_published(sender, instance, **kwargs):
    publish_descendants(instance)


def on_version_unpublished(sender, instance, **kwargs):
    unpublish_descendants(instance)


def connect():
    page_published.connect(on_version_published, sender=RegelingVersiePage)
    page_unpublished.connect(on_version_unpublished, sender=RegelingVersiePage)
