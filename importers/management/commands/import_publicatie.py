import json
import time

from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus
from django_tasks.backends.immediate import ImmediateBackend

from importers.batch import Keuzes, Samenvatting, Uitkomst, importeer, na_de_run, voortgang
from importers.bundles import Bron, read_bundle
from importers.errors import PublicatieFout
from importers.models import Importbestand, Importopdracht
from importers.pipeline import format_report
from importers.tasks import enqueue_bronnen, import_bestand
from regelgeving.models.gemeente import Gemeente

# How often the command looks at the workers' results while it waits for them.
POLL_SECONDS = 1.0


class Command(BaseCommand):
    help = (
        "Importeer een publicatie (OP-XML, CVDR-XML, STOP, HTML of tekst, of een STOP-downloadpakket "
        "als map of zip-bestand) als pagina's, of een map of zip-bestand met vele publicaties: "
        "elke publicatie apart, met een samenvatting aan het eind."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "source", help="Bestandspad, map of http(s)-adres van de publicatie(s) (of zip-bestand)"
        )
        parser.add_argument("--regeling", default="", help="Slug van de regeling (/regelgeving/SLUG/)")
        parser.add_argument(
            "--gemeente",
            default="",
            help="Naam, slug of CBS-code van de gemeente waaronder de publicatie komt "
            "(standaard: de gemeente die haar publiceerde)",
        )
        parser.add_argument("--dry-run", action="store_true", help="Alleen lezen en rapporteren")
        parser.add_argument("--json", action="store_true", help="Rapport als JSON")
        parser.add_argument(
            "--opnieuw",
            action="store_true",
            help="Bij een map of zip: importeer ook bestanden die ongewijzigd al geïmporteerd zijn",
        )
        parser.add_argument(
            "--niet-wachten",
            action="store_true",
            help="Met TASK_BACKEND=database: zet de publicaties in de wachtrij en stop meteen",
        )

    def handle(self, *args, **options):
        options["gemeente_id"] = None
        if options["gemeente"]:
            gemeente = Gemeente.zoek(options["gemeente"])
            if gemeente is None:
                raise CommandError(f"Geen gemeente '{options['gemeente']}' in deze installatie.")
            options["gemeente_id"] = gemeente.pk
        source = options["source"]
        try:
            bronnen = read_bundle(source)
        except PublicatieFout as exc:
            raise CommandError(str(exc)) from None
        if len(bronnen) == 1:
            self._one(bronnen[0], source, options)
        elif isinstance(import_bestand.get_backend(), ImmediateBackend):
            self._inline(bronnen, options)
        else:
            self._by_workers(bronnen, source, options)

    def _one(self, bron: Bron, source: str, options) -> None:
        """One publication (a file, or a folder or zip that holds one): its full report."""
        if bron.weigering:
            raise CommandError(bron.weigering)
        keuzes = Keuzes(
            options["regeling"], options["dry_run"], opnieuw=True, gemeente_id=options["gemeente_id"]
        )
        uitkomst = importeer(source, bron.data, bron.sha256, keuzes)
        if uitkomst.soort == Importbestand.GEWEIGERD:
            raise CommandError(uitkomst.reden)
        if options["json"]:
            self.stdout.write(json.dumps(uitkomst.rapport, ensure_ascii=False, indent=2, default=str))
        else:
            self.stdout.write(format_report(uitkomst.rapport))

    def _inline(self, bronnen: list[Bron], options) -> None:
        """Each publication in turn, in this process."""
        progress = _Progress(self, len(bronnen), options["json"])
        keuzes = Keuzes(options["regeling"], options["dry_run"], options["opnieuw"], options["gemeente_id"])
        uitkomsten = []
        for bron in bronnen:
            progress.start(bron.naam)
            if bron.weigering:
                uitkomst = Uitkomst(bron.naam, Importbestand.GEWEIGERD, bron.weigering)
            else:
                uitkomst = importeer(bron.naam, bron.data, bron.sha256, keuzes)
            uitkomsten.append(uitkomst)
            progress.done(uitkomst)
        samenvatting = Samenvatting(uitkomsten)
        na_de_run(samenvatting)
        self._summary(samenvatting, options)

    def _by_workers(self, bronnen: list[Bron], source: str, options) -> None:
        """One task per publication for the workers; wait for them unless asked not to."""
        opdracht = Importopdracht.objects.create(
            bestandsnaam=source[-255:],
            regeling=options["regeling"],
            proef=options["dry_run"],
            opnieuw=options["opnieuw"],
            gemeente_id=options["gemeente_id"],
            status=Importopdracht.BEZIG,
        )
        results = enqueue_bronnen(opdracht, bronnen)
        if options["niet_wachten"]:
            self.stdout.write(
                f"{len(bronnen)} publicaties in de wachtrij gezet (importopdracht {opdracht.pk}); "
                "de verwerkers importeren ze."
            )
            return
        progress = _Progress(self, len(bronnen), options["json"])
        shown: set[str] = set()
        while True:
            stand = voortgang(opdracht)
            for uitkomst in stand.uitkomsten:
                if uitkomst.naam not in shown:
                    shown.add(uitkomst.naam)
                    progress.done(uitkomst)
            if stand.klaar == stand.totaal:
                break
            _fail_crashed(opdracht, results)
            time.sleep(POLL_SECONDS)
        self._summary(stand.samenvatting, options)

    def _summary(self, samenvatting: Samenvatting, options) -> None:
        if options["json"]:
            self.stdout.write(json.dumps(samenvatting.as_dict(), ensure_ascii=False, indent=2, default=str))
        else:
            self.stdout.write("\n".join(samenvatting.regels()))


def _fail_crashed(opdracht: Importopdracht, results) -> None:
    """A task that failed outside the import (a worker that died) would leave its file waiting."""
    for result in results:
        result.refresh()
        if result.status == TaskResultStatus.FAILED:
            (bestand_id,) = result.args
            Importbestand.objects.filter(pk=bestand_id, opdracht=opdracht).exclude(
                uitkomst__in=Importbestand.AFGEROND
            ).update(uitkomst=Importbestand.GEWEIGERD, reden="De verwerker faalde; er is niets opgeslagen.")


class _Progress:
    """A bar on a terminal, one line per file otherwise (a log, a pipe)."""

    WIDTH = 30

    def __init__(self, command: BaseCommand, total: int, quiet: bool):
        self.out, self.total, self.count, self.quiet = command.stdout, total, 0, quiet
        self.tty = not quiet and command.stdout.isatty()

    def start(self, naam: str) -> None:
        if self.tty:
            self._bar(naam)

    def done(self, uitkomst: Uitkomst) -> None:
        self.count += 1
        if self.quiet:
            return
        line = f"[{self.count}/{self.total}] {uitkomst.regel()}"
        if self.tty:
            self.out.write("\r\x1b[K" + line)
            self._bar("" if self.count < self.total else "klaar")
            if self.count == self.total:
                self.out.write("")
        else:
            self.out.write(line)

    def _bar(self, naam: str) -> None:
        filled = self.WIDTH * self.count // max(self.total, 1)
        bar = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {self.count}/{self.total} {naam}"
        self.out.write("\r\x1b[K" + bar[:120], ending="")
        self.out.flush()
