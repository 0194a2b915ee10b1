"""The flows the loket offers: the registry everything else reads them from.

FlowPage stores a flow's slug; its choices, the reference prefixes, the statuses per flow and
the staff filters all come from the declarations below, so a flow is declared once, in its own
module. Nothing in this package imports a loket model: the models can import it.
"""

from ..choices import Status
from .base import INZENDING, Flow
from .inwonerspanel import InwonerspanelFlow
from .mantelzorgcompliment import MantelzorgcomplimentFlow
from .melding import MeldingFlow

FLOWS: dict[str, type[Flow]] = {
    flow.slug: flow for flow in (MeldingFlow, MantelzorgcomplimentFlow, InwonerspanelFlow)
}


def get_flow(slug: str) -> Flow:
    return FLOWS[slug]()


def flow_choices() -> list[tuple[str, str]]:
    """(slug, label) of every flow, for editors choosing the flow of a formulierpagina."""
    return [(flow.slug, flow.label) for flow in FLOWS.values()]


def submission_flows() -> list[type[Flow]]:
    """The flows whose answers become a submission (Inzending) that staff handle."""
    return [flow for flow in FLOWS.values() if flow.stores == INZENDING]


def statuses_of(slug: str) -> tuple[Status, ...]:
    """The statuses a submission of this flow may have; only "ontvangen" for an unknown flow."""
    flow = FLOWS.get(slug)
    return (flow.statuses if flow else ()) or (Status.ONTVANGEN,)
