"""Quotes of one article: find the spans, then give each its speaker.

``extract_quotes(article)`` returns ``Quote`` objects for ``article.paragraphs`` with
``speaker`` set to the name resolved within the article, and fills
``article.local_speakers``; ``build_speakers`` (speakers.py) then merges speakers across the
corpus and rewrites ``Quote.speaker`` to canonical names.
"""

from __future__ import annotations

from gpreader.corpus.attribution import Attributor, Person
from gpreader.corpus.model import Article, Quote, Role, Speaker, Statement
from gpreader.corpus.quotes import find_spans


def _remember(local: dict[str, Speaker], person: Person, article: Article) -> None:
    """*person* among the article's speakers (*local*), when not there yet.

    A function of the module with *person* typed, not a closure taking any object: compiled,
    a native call that reads a Person's fields natively."""
    if person.name not in local:
        local[person.name] = Speaker(
            name=person.name,
            kind=person.kind,
            honorific=person.honorific,
            aliases={person.name},
            roles=[Role(r, article.id, article.date) for r in person.roles],
        )


def extract_quotes(article: Article) -> list[Quote]:
    spans = find_spans(article.paragraphs)
    attributor = Attributor(article.paragraphs, spans)
    attributed = attributor.run()
    quotes: list[Quote] = []
    local: dict[str, Speaker] = {}

    for i, span in enumerate(spans):
        att = attributed.get(i)
        person = att.speaker if att else None
        name = person.name if person else None
        if person is not None:
            _remember(local, person, article)
        if person is not None and att is not None and att.alias:
            local[person.name].aliases.add(att.alias)
        # the fields in order (positional: no dict of keywords for the generated __init__)
        quotes.append(
            Quote(
                article.id,  # article_id
                span.paragraph,
                span.start,
                span.end,
                article.paragraphs[span.paragraph][span.start : span.end],  # text
                span.kind,
                name,  # speaker
                att.mention if att else None,  # mention
                span.group,
                span.part,
                i,  # index
                False,  # in_comments
                att.alias if att and person is None else None,  # role_mention
            )
        )
    article.statements = []
    statements = attributor.statements
    for p, a, b in sorted(statements):  # its keys, in order (each once: no two compared equal)
        person = statements[(p, a, b)]
        _remember(local, person, article)
        article.statements.append(Statement(p, a, b, person.name))
    article.local_speakers = local
    return quotes
