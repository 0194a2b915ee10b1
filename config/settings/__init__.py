"""Settings: `base` holds every deployment choice (from the environment) and is what manage.py,
WSGI, ASGI and the benchmarks load; `test` is for the test suite. This package itself loads nothing,
so that `test` can supply its keys before `base` checks them."""
