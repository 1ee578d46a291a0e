"""A proposal as the reader copies it: the whole sentence with who proposed it, and where.

Headless. ``proposal_citation`` gives ‘sentence’ — Proponent (Outlet, date), or
‘sentence’ — unattributed (Outlet, date); ``as_quotation`` wraps the sentence as a one-part
``Quotation`` so the reader's copy path (``QuoteOut``: OSC 52, the system clipboard,
clippings when the clipboard fails) handles it like a quote.
"""

from __future__ import annotations

from gpreader.citation import attribution, quoted, source_label
from gpreader.corpus.model import Quote, Speaker
from gpreader.corpus.proposals import Proposal
from gpreader.quotations import Quotation

PROPOSAL_KIND = "proposal"


def proponent_name(proposal: Proposal, speakers: dict[str, Speaker]) -> str | None:
    """The proponent as a citation names them: a known speaker's display name ("Dr Mike
    Bewick"), else the name as found ("Department of Health"), else None."""
    if not proposal.proponent:
        return None
    speaker = speakers.get(proposal.proponent)
    return speaker.display_name if speaker is not None else proposal.proponent


def proposal_citation(proposal: Proposal, speakers: dict[str, Speaker]) -> str:
    """‘The whole sentence’ — Proponent (Outlet, date); never shortened."""
    date = proposal.date.display() if proposal.date else None
    source = source_label(proposal.outlet, date, proposal.article_id)
    return f"{quoted(proposal.text)} {attribution(proponent_name(proposal, speakers), None, source)}"


def as_quotation(proposal: Proposal) -> Quotation:
    """The proposal's sentence as a quotation of its proponent (for copying and clippings)."""
    quote = Quote(
        article_id=proposal.article_id,
        paragraph=proposal.paragraph,
        start=proposal.start,
        end=proposal.end,
        text=proposal.text,
        kind=PROPOSAL_KIND,
        speaker=proposal.proponent,
    )
    return Quotation((quote,))
