"""Quotes of one article: find the spans, then give each its speaker.

``extract_quotes(article)`` returns ``Quote`` objects for ``article.paragraphs`` with
``speaker`` set to the name resolved within the article, and fills
``article.local_speakers``; ``build_speakers`` (speakers.py) then merges speakers across the
corpus and rewrites ``Quote.speaker`` to canonical names.
"""

from __future__ import annotations

from gpreader.corpus.attribution import Attributor
from gpreader.corpus.model import Article, Quote, Role, Speaker, Statement
from gpreader.corpus.quotes import find_spans


def extract_quotes(article: Article) -> list[Quote]:
    spans = find_spans(article.paragraphs)
    attributor = Attributor(article.paragraphs, spans)
    attributed = attributor.run()
    quotes: list[Quote] = []
    local: dict[str, Speaker] = {}

    def remember(person) -> None:
        if person.name not in local:
            local[person.name] = Speaker(
                name=person.name,
                kind=person.kind,
                honorific=person.honorific,
                aliases={person.name},
                roles=[Role(r, article.id, article.date) for r in person.roles],
            )

    for i, span in enumerate(spans):
        att = attributed.get(i)
        person = att.speaker if att else None
        name = person.name if person else None
        if person is not None:
            remember(person)
        if person is not None and att is not None and att.alias:
            local[person.name].aliases.add(att.alias)
        quotes.append(
            Quote(
                article_id=article.id,
                paragraph=span.paragraph,
                start=span.start,
                end=span.end,
                text=article.paragraphs[span.paragraph][span.start : span.end],
                kind=span.kind,
                speaker=name,
                mention=att.mention if att else None,
                group=span.group,
                part=span.part,
                index=i,
                role_mention=att.alias if att and person is None else None,
            )
        )
    article.statements = []
    for (p, a, b), person in sorted(attributor.statements.items(), key=lambda kv: kv[0]):
        remember(person)
        article.statements.append(Statement(p, a, b, person.name))
    article.local_speakers = local
    return quotes
