from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site for `make run` and the tests: it may use every other app, none uses it."""

    name = "demo"
    verbose_name = "Demo"
