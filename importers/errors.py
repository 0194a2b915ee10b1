class PublicatieFout(Exception):
    """Bad input for the importer. The message is one Dutch line for the editor."""
