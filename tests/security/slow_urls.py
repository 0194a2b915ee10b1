"""The site's URLs plus one page whose query takes seconds, for tests/security/test_statement_timeout.py."""

from django.db import connection, transaction
from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

SLOW = "/traag/"


def slow_page(request):
    # In a savepoint, so that the test's own transaction stays usable after the statement is stopped.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(5)")
    return HttpResponse("klaar")


urlpatterns = [path(SLOW.strip("/") + "/", slow_page), *site_urlpatterns]
