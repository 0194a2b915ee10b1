"""What a reader can go and do about the rules: the tasks another app (the loket) offers, found
through Wagtail's hooks registry, so regelgeving links to them without importing that app.

Regelgeving asks; the app that offers tasks answers by registering a function under a name
below in its wagtail_hooks.py (as regelgeving/routes.py does for views):

    # loket/wagtail_hooks.py
    @hooks.register(taken.TAKEN_OP_STARTPAGINA)
    def flows_on_the_home_page(home): ...
    @hooks.register(taken.TAKEN_BIJ_ARTIKEL)
    def flows_citing(artikel): ...

Each function returns a list of `Taak`; an app that offers none registers nothing, and the
pages then show no tasks.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail import hooks

# The tasks people come to the site for, shown on the home page: fn(home_page) -> list[Taak].
TAKEN_OP_STARTPAGINA = "regelgeving_taken_op_startpagina"
# The tasks that apply an article, shown on the article: fn(artikel_page) -> list[Taak].
TAKEN_BIJ_ARTIKEL = "regelgeving_taken_bij_artikel"


@dataclass(frozen=True)
class Taak:
    title: str
    url: str
    description: str = ""


def _collect(hook_name: str, page) -> list[Taak]:
    return [taak for answer in hooks.get_hooks(hook_name) for taak in answer(page)]


def op_startpagina(home) -> list[Taak]:
    return _collect(TAKEN_OP_STARTPAGINA, home)


def bij_artikel(artikel) -> list[Taak]:
    return _collect(TAKEN_BIJ_ARTIKEL, artikel)
