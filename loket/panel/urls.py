from django.urls import path, re_path

from . import views

urlpatterns = [
    path("bevestigen/<str:token>/", views.bevestigen, name="panel_bevestigen"),
    path("afmelden/<str:token>/", views.afmelden, name="panel_afmelden"),
]

# Links in mails from before the neutral address: /<panel naam>/bevestigen|afmelden/<token>/.
# A signed token always holds a colon, which no page slug has: no page is shadowed.
oude_links = [
    re_path(
        r"^(?P<panel>[a-z0-9-]+)/(?P<doel>bevestigen|afmelden)/(?P<token>[^/]*:[^/]*)/$",
        views.oude_link,
        name="panel_oude_link",
    )
]
