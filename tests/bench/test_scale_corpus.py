"""The scale benchmark's synthetic publications (bench/scale_corpus.py): every shape imports through
the folder import as a regeling of its own of the fictional gemeente, so the benchmark measures
what it says (a refused or merged file would shrink the corpus without anyone noticing)."""

import io

from django.core.management import call_command

from bench import scale_corpus
from regelgeving.models import RegelingPage
from regelgeving.site_setup import ensure_gemeente


def _one_of_every_shape(g, folder) -> int:
    ks, shapes = [], set()
    for k in range(1, 40):
        if (name := scale_corpus.vorm(k)[0]) not in shapes:
            shapes.add(name)
            ks.append(k)
    assert shapes == {name for name, _, _ in scale_corpus.SHAPES}
    for k in ks:
        _, filename, data = scale_corpus.publicatie(g, k)
        (folder / filename).write_bytes(data)
    return len(ks)


def test_every_shape_is_a_regeling_of_its_own_of_the_fictional_gemeente(db, tmp_path):
    g = scale_corpus.Fictief(1)
    gemeente = ensure_gemeente(g.naam, g.cbs_code, g.host, 80)
    n = _one_of_every_shape(g, tmp_path)

    out = io.StringIO()
    call_command("import_publicatie", str(tmp_path), gemeente=g.cbs_code, stdout=out)

    assert f"{n} publicaties: {n} geïmporteerd" in out.getvalue(), out.getvalue()
    regelingen = RegelingPage.objects.descendant_of(gemeente.site.root_page)
    assert regelingen.count() == n
    assert all(g.naam in r.title for r in regelingen), [r.title for r in regelingen]


def test_every_shape_names_its_gemeente_as_publisher_so_another_gemeente_refuses_it(db, tmp_path):
    eerste, tweede = scale_corpus.Fictief(1), scale_corpus.Fictief(2)
    for g in (eerste, tweede):
        ensure_gemeente(g.naam, g.cbs_code, g.host, 80)
    n = _one_of_every_shape(eerste, tmp_path)

    out = io.StringIO()
    call_command("import_publicatie", str(tmp_path), gemeente=tweede.cbs_code, stdout=out)

    assert f"{n} publicaties: 0 geïmporteerd" in out.getvalue(), out.getvalue()
    geweigerd = [line for line in out.getvalue().splitlines() if line.startswith("  geweigerd: ")]
    assert len(geweigerd) == n
    assert all(f"De publicatie is van de gemeente {eerste.naam}," in line for line in geweigerd), geweigerd
