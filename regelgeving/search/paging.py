"""How far a search pages: results per page, the last page, and so the most results it counts.

Pure constants, so the PostgreSQL backend (which stops counting just past MAX_RESULTS) and the
form (which accepts no page past MAX_PAGE) share them with the search service without
importing it.
"""

PAGE_SIZE = 10
MAX_PAGE = 20  # 200 results: past that, narrowing the search helps more than paging
# The most text results a search pages through; beyond it, counts say "meer dan" (more than).
MAX_RESULTS = PAGE_SIZE * MAX_PAGE
