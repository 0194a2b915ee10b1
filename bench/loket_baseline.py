"""Benchmark-only URLs: the site's own URLs plus one minimal view that inserts one row.

The view runs in the same gunicorn workers, behind the same middleware, on the same
PostgreSQL database as the loket, so bench/loket_load.py can put the melding's throughput and
latency beside the cheapest possible write. The table is created by bench/loket_load.py.
"""

from django.db import connection
from django.http import HttpResponse, HttpResponseNotAllowed
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from config.urls import urlpatterns as site_urlpatterns

TABLE = "bench_baseline"


@csrf_exempt
def insert_one(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} (client) VALUES (%s) RETURNING id", [request.POST.get("client", "")[:40]]
        )
        (pk,) = cursor.fetchone()
    return HttpResponse(str(pk), content_type="text/plain")


urlpatterns = [path("bench/baseline/", insert_one, name="bench_baseline"), *site_urlpatterns]
