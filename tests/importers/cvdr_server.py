"""A stand-in for the CVDR search service and the repository, on 127.0.0.1: the real client talks
HTTP to it, and it answers with the recorded pages in tests/data/cvdr_sru/."""

from __future__ import annotations

import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from tests.paths import DATA, SAMPLES

OPNAMES = DATA / "cvdr_sru"
REPOSITORY = "https://repository.officiele-overheidspublicaties.nl/"
ZOEKPAD = "/sru/Search"
HEEMSTEDE_2022 = SAMPLES / "cvdr" / "derived" / "CVDR621050_2.namespace-stripped-reindented.xml"


def document_pad(identifier: str) -> str:
    work, version = identifier.split("_")
    return f"/repository/cvdr/{work}/{version}/xml/{identifier}.xml"


class CvdrServer:
    """What it answers is set per test:

    - `paginas`: startRecord -> recorded page (file name in tests/data/cvdr_sru/)
    - `documenten`: path -> file, for the XML the records point to
    - `storingen`: path -> what goes wrong first, one per request: an HTTP status (503) or "traag"
      (an answer that comes after `vertraging` seconds, when the client has given up)
    """

    def __init__(self, vertraging: float = 5.0):
        self.paginas: dict[int, str] = {1: "pagina-1.xml", 3: "pagina-2.xml"}
        self.documenten: dict[str, Path] = {
            document_pad("CVDR621050_2"): HEEMSTEDE_2022,
            document_pad("CVDR999002_1"): OPNAMES / "documenten" / "CVDR999002_1.xml",
        }
        self.storingen: dict[str, deque] = {}
        self.vragen: list[tuple[str, dict[str, str]]] = []  # (path, query parameters) as asked
        self.vertraging = vertraging
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self.base = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self.zoek_url = self.base + ZOEKPAD

    def storing(self, pad: str, *wat) -> None:
        self.storingen.setdefault(pad, deque()).extend(wat)

    def zoekvragen(self) -> list[dict[str, str]]:
        return [q for pad, q in self.vragen if pad == ZOEKPAD]

    def __enter__(self) -> CvdrServer:
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    # -- answering ----------------------------------------------------------------------------------

    def _answer(self, pad: str, query: dict[str, str]) -> tuple[int, bytes]:
        with self._lock:
            self.vragen.append((pad, query))
            pending = self.storingen.get(pad)
            storing = pending.popleft() if pending else None
        if storing == "traag":
            time.sleep(self.vertraging)
        elif storing is not None:
            return storing, b"<html><body>Service Unavailable</body></html>"
        if pad == ZOEKPAD:
            naam = self.paginas.get(int(query.get("startRecord", "1")))
            if naam is None:
                return 200, (OPNAMES / "leeg.xml").read_bytes()
            opname = (OPNAMES / naam).read_bytes()
            return 200, opname.replace(REPOSITORY.encode(), f"{self.base}/repository/".encode())
        if pad in self.documenten:
            return 200, self.documenten[pad].read_bytes()
        return 404, b"<html><body>Not Found</body></html>"

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (the name http.server calls)
                url = urlparse(self.path)
                query = {k: v[-1] for k, v in parse_qs(url.query).items()}
                status, body = server._answer(url.path, query)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/xml; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:  # the client stopped waiting (the timeout tests)
                    pass

            def log_message(self, *args):  # quiet
                pass

        return Handler
