"""Wagtail's admin without inline scripts, so that the Content-Security-Policy can forbid them.

Wagtail's chooser widgets (page, image, document, snippet and task choosers) end their HTML with an
inline `<script>` that starts them, and no setting changes that. `without_inline_scripts()`, called
once at start-up, makes them leave the same call as data on a hidden element instead, which
site/static/js/admin-zonder-inline-script.js performs (the date pickers and inline panels do the
same through the templates in site/templates/wagtailadmin/).
"""

from __future__ import annotations

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.admin.widgets import BaseChooser
from wagtail.admin.widgets.workflows import AdminTaskChooser

_wagtail_render = BaseChooser.render


def _start_call(widget: BaseChooser, id_: str, name: str, value_data) -> tuple[str, bool, list] | None:
    """(function, called with `new`, arguments) that Wagtail's inline script would run, or None
    for a chooser whose start-up this module does not know."""
    starter = type(widget).render_js_init
    if starter is BaseChooser.render_js_init:
        return widget.js_constructor, True, [id_, widget.get_js_init_options(id_, name, value_data)]
    if starter is AdminTaskChooser.render_js_init:
        return "createTaskChooser", False, [id_]
    return None


def _render_without_script(self, name, value, attrs=None, renderer=None):
    try:
        id_ = attrs["id"]
    except (KeyError, TypeError):
        return _wagtail_render(self, name, value, attrs, renderer)
    value_data = self.get_value_data(value)
    call = _start_call(self, id_, name, value_data)
    if call is None:
        return _wagtail_render(self, name, value, attrs, renderer)
    function, construct, arguments = call
    starter = format_html(
        '<span hidden data-csp-init="chooser" data-csp-call="{}" data-csp-new="{}" data-csp-options="{}">'
        "</span>",
        function,
        "1" if construct else "",
        json.dumps(arguments),
    )
    return mark_safe(self.render_html(name, value_data, attrs) + starter)


def without_inline_scripts() -> None:
    BaseChooser.render = _render_without_script
