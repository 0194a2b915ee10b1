"""The CVDR search service (SRU) of lokaleregelgeving.overheid.nl: which regelingen of a gemeente
changed since a date, and where their CVDR XML is.

query.py builds the CQL question, records.py reads an answer page, client.py asks over HTTP (with
timeouts, paging and retries). What is done with the records lives in importers/cvdr_bijwerken.py.
"""
