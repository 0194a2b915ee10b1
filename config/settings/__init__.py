"""Settings: `base` holds every deployment choice (from the environment); `test` is for the test suite.

`config.settings` itself is the base settings, so manage.py, WSGI and the benchmarks keep using it.
"""

from .base import *  # noqa: F401,F403
