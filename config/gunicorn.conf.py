"""gunicorn's settings for production: `gunicorn -c config/gunicorn.conf.py config.wsgi`.

Every value can be set in the environment (GUNICORN_CMD_ARGS or the variables below)."""

import os

import gunicorn.http.wsgi

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# Fail at start-up (keys, settings), not at the first request.
preload_app = True
# gunicorn names itself and its version in every response's Server header; say nothing.
gunicorn.http.wsgi.SERVER = "webserver"
