from ..errors import PublicatieFout


class ZoekdienstFout(PublicatieFout):
    """The search service or the repository did not give what was asked: one Dutch line."""
