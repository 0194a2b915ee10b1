"""The flows the loket offers, by the slug a FlowPage stores."""

from .lochem_spreekt import LochemSpreektFlow
from .mantelzorgcompliment import MantelzorgcomplimentFlow
from .melding import MeldingFlow

FLOWS = {flow.slug: flow for flow in (MeldingFlow, MantelzorgcomplimentFlow, LochemSpreektFlow)}


def get_flow(slug: str):
    return FLOWS[slug]()
