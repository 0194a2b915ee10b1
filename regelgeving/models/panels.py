"""Edit panels of the regelgeving pages: before publishing a new version, the editor sees what changed."""

from wagtail.admin.panels import Panel

from ..comparison import compare_articles, summarize


class VergelijkingPanel(Panel):
    """Shows, in the version's edit form, how it differs from the version before it."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "regelgeving/admin/vergelijking_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            versie = self.instance
            vorige = versie.vorige_versie() if versie.pk else None
            context.update(versie=versie, vorige=vorige)
            if vorige:
                context["samenvatting"] = summarize(
                    compare_articles(vorige.artikel_teksten(), versie.artikel_teksten())
                )
            return context
