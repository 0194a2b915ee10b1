"""What an editor reads in the admin for what this project adds is Dutch."""

import json
import re

from django.contrib.auth.models import User
from wagtail.models import Task, Workflow


def menu_labels(client) -> set[str]:
    page = client.get("/admin/").content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', page, re.S).group(1)
    return set(re.findall(r'"label": "([^"]*)"', json.dumps(json.loads(props))))


def test_the_default_workflow_and_its_task_have_a_dutch_name(db):
    assert Workflow.objects.filter(name="Goedkeuring door redactie").exists()
    assert Task.objects.filter(name="Goedkeuring door redactie").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()


def test_the_admin_menu_calls_snippets_fragmenten_as_the_help_texts_do(client, db):
    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord"))
    labels = menu_labels(client)
    assert "Fragmenten" in labels and "Snippets" not in labels
    assert {"Publicatie importeren", "Inzendingen loket", "Inwonerspanel"} <= labels
