from django.urls import path

from . import views

urlpatterns = [
    path("bevestigen/<str:token>/", views.bevestigen, name="panel_bevestigen"),
    path("afmelden/<str:token>/", views.afmelden, name="panel_afmelden"),
]
