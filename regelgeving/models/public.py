"""Pages whose public response the page cache may keep (regelgeving/page_cache.py)."""


class PublicPage:
    """A page whose response depends only on what is published, the URL and the date: no user,
    session or form in it, so the page cache may keep what it answers to anonymous visitors."""
