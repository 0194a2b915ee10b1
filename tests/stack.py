"""The site as production runs it, in processes of its own: throwaway keys, `manage.py`, gunicorn.

Shared by the tests that need more than one process (tests/security/: throttling across gunicorn
workers, SQLite under concurrent residents) and the load benchmarks in bench/, so that both start
the real stack the same way: `config/gunicorn.conf.py`, DJANGO_DEBUG=0 and keys made for the run.
"""

from __future__ import annotations

import base64
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN_CONF = ROOT / "config" / "gunicorn.conf.py"
# The keys config/settings/keys.py asks for with debug off; removed from the environment a
# subprocess inherits, so that only what a caller passes counts.
KEY_VARIABLES = ("DJANGO_SECRET_KEY", "LOKET_ENCRYPTION_KEYS", "LOKET_INDEX_KEY")


def throwaway_keys() -> dict[str, str]:
    """Real, random keys for one run (never stored): what a deployment brings, debug off."""
    return {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "LOKET_ENCRYPTION_KEYS": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        "LOKET_INDEX_KEY": secrets.token_urlsafe(40),
    }


def give_throwaway_keys(environ) -> None:
    """Fresh keys for each one the environment lacks: a benchmark on a throwaway database runs with
    debug off, as production does, and processes it starts inherit the same keys."""
    for name, value in throwaway_keys().items():
        environ.setdefault(name, value)


def without(environ: Mapping[str, str], prefixes: tuple[str, ...]) -> dict[str, str]:
    return {k: v for k, v in environ.items() if not k.startswith(prefixes)}


def site_env(database_url: str, **overrides: str) -> dict[str, str]:
    """The environment of a site process on plain http at 127.0.0.1, debug off, with fresh keys.

    DJANGO_HTTPS=0: these servers speak http on the loopback, where a redirect to https would
    lead nowhere and an http client does not send back Secure cookies. The HTTPS settings
    themselves are tested with the test client (tests/security/test_headers.py).
    """
    env = without(os.environ, ("EMAIL_", "LOKET_", "SEARCH_", "GUNICORN_", "REDIS_", "CSP_", *KEY_VARIABLES))
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(throwaway_keys())
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.base",
        DATABASE_URL=database_url,
        DJANGO_DEBUG="0",
        DJANGO_HTTPS="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
        PYTHONPATH=str(ROOT),
    )
    env.update(overrides)
    return env


def manage(env: Mapping[str, str], *args: str) -> subprocess.CompletedProcess:
    """`manage.py <args>` in a process of its own; raises with its output when it fails."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=dict(env), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} mislukte:\n{result.stdout}\n{result.stderr}")
    return result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    """gunicorn with the production configuration (config/gunicorn.conf.py) on a free local port.

    The access log names the worker (process id) that answered each request, so that a test can
    show that more than one process took part.
    """

    ACCESS_FORMAT = "%(p)s %(m)s %(U)s %(s)s"

    def __init__(self, env: Mapping[str, str], workers: int, *extra_args: str):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile(prefix="gunicorn-", suffix=".log", delete=False)
        self.access_log = Path(self.log.name).with_suffix(".access.log")
        # The number of workers and the address as a deployment sets them (config/gunicorn.conf.py).
        self.env = env = {**env, "GUNICORN_WORKERS": str(workers), "GUNICORN_BIND": f"127.0.0.1:{self.port}"}
        self.proc = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "config.wsgi:application",
                "-c", str(GUNICORN_CONF),
                "--chdir", str(ROOT),
                "--log-level", "warning",
                "--access-logfile", str(self.access_log),
                "--access-logformat", self.ACCESS_FORMAT,
                *extra_args,
            ],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip

    def wait_ready(self, path: str = "/", timeout: float = 90) -> None:
        import requests

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn stopte met code {self.proc.returncode}:\n{self.log_tail()}")
            try:
                if requests.get(self.base + path, timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn antwoordde niet binnen {timeout:.0f} s:\n{self.log_tail()}")

    def workers_that_answered(self, method: str, path: str) -> set[str]:
        """The process ids of the workers that answered `method` requests for `path`."""
        if not self.access_log.exists():
            return set()
        return {
            pid
            for pid, logged_method, logged_path, _status in (
                line.split(" ", 3) for line in self.access_log.read_text(errors="replace").splitlines()
            )
            if logged_method == method and logged_path == path
        }

    def worker_cpu(self) -> float:
        """CPU seconds (user + system) used so far by the gunicorn workers; NaN off Linux."""
        ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        total = 0
        try:
            for entry in os.scandir("/proc"):
                if not entry.name.isdigit():
                    continue
                try:
                    stat = Path(entry.path, "stat").read_text()
                except OSError:
                    continue
                fields = stat[stat.rindex(")") + 2 :].split()
                if int(fields[1]) == self.proc.pid:  # ppid: a worker of this master
                    total += int(fields[11]) + int(fields[12])
        except OSError:
            return float("nan")
        return total / ticks

    def log_text(self) -> str:
        return Path(self.log.name).read_text(errors="replace")

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])

    def errors_in_log(self) -> list[str]:
        return [
            line
            for line in self.log_text().splitlines()
            if "Traceback" in line or " ERROR " in line or "[ERROR]" in line
        ]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def cleanup_log(self) -> None:
        Path(self.log.name).unlink(missing_ok=True)
        self.access_log.unlink(missing_ok=True)


class TaskWorker:
    """`manage.py db_worker` in a process of its own, as production runs it beside gunicorn
    (TASK_BACKEND=database): it takes the queued tasks of every queue until stopped."""

    def __init__(self, env: Mapping[str, str]):
        self.log = tempfile.NamedTemporaryFile(prefix="db_worker-", suffix=".log", delete=False)
        self.proc = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.2"],
            cwd=ROOT, env=dict(env), stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        Path(self.log.name).unlink(missing_ok=True)
