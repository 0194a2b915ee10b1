"""With debug off the site does not start without real keys, and says which ones and why; with real
keys `check --deploy` finds nothing to warn about.

`manage.py` and the WSGI entry point run in processes of their own, as a deployment starts them.
"""

import os
import subprocess
import sys

import pytest

from config.settings import keys
from tests.stack import KEY_VARIABLES, ROOT, throwaway_keys, without

PRODUCTION = {"SITE_URL": "https://regelgeving.lochem.nl", "DJANGO_ALLOWED_HOSTS": "regelgeving.lochem.nl"}


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    environ = without(os.environ, ("DJANGO_", "LOKET_", "GUNICORN_", "CSP_", *KEY_VARIABLES))
    environ |= {"DJANGO_DEBUG": "0", "DATABASE_URL": "sqlite://", "PYTHONPATH": str(ROOT), **env}
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=environ, capture_output=True, text=True)


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    return _run(["manage.py", *args], **env)


def _refused(result: subprocess.CompletedProcess) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    assert "De site start niet zonder echte sleutels" in result.stderr
    assert "The site will not start without real keys" in result.stderr
    return result.stderr


def test_check_deploy_without_keys_refuses_and_names_every_missing_key():
    message = _refused(_manage("check", "--deploy", **PRODUCTION))
    for variable in KEY_VARIABLES:
        assert f"{variable} ontbreekt / is missing." in message
    assert "README.md, 'In productie'" in message


def test_the_public_development_secret_key_is_refused():
    environ = PRODUCTION | throwaway_keys() | {"DJANGO_SECRET_KEY": keys.DEVELOPMENT_SECRET_KEY}
    message = _refused(_manage("check", "--deploy", **environ))
    assert "DJANGO_SECRET_KEY is de openbare ontwikkelsleutel" in message
    assert "LOKET_ENCRYPTION_KEYS" not in message and "LOKET_INDEX_KEY" not in message


def test_the_wsgi_application_does_not_start_without_keys():
    message = _refused(_run(["-c", "import config.wsgi"], **PRODUCTION))
    for variable in KEY_VARIABLES:
        assert f"{variable} ontbreekt" in message


def test_with_real_keys_check_deploy_passes_without_a_single_warning():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, **throwaway_keys())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    "change, problem",
    [
        ({"DJANGO_SECRET_KEY": "kort-en-geheim"}, "DJANGO_SECRET_KEY is te zwak"),
        ({"DJANGO_SECRET_KEY": "a" * 60}, "DJANGO_SECRET_KEY is te zwak"),
        ({"LOKET_ENCRYPTION_KEYS": "geen-fernet-sleutel"}, "geen Fernet-sleutel"),
        ({"LOKET_INDEX_KEY": "te-kort"}, "LOKET_INDEX_KEY is te kort"),
        ({"LOKET_INDEX_KEY": "same"}, "LOKET_INDEX_KEY moet anders zijn dan DJANGO_SECRET_KEY"),
    ],
)
def test_weak_or_misused_keys_are_named(change, problem):
    environ = throwaway_keys()
    if change.get("LOKET_INDEX_KEY") == "same":
        change = {"LOKET_INDEX_KEY": environ["DJANGO_SECRET_KEY"]}
    found = keys.problems(environ | change)
    assert len(found) == 1 and problem in found[0], found


def test_rotated_encryption_keys_are_accepted():
    environ = throwaway_keys()
    older = throwaway_keys()["LOKET_ENCRYPTION_KEYS"]
    rotated = f"{environ['LOKET_ENCRYPTION_KEYS']}, {older}"
    assert keys.problems(environ | {"LOKET_ENCRYPTION_KEYS": rotated}) == []
