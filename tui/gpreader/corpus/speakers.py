"""One canonical speaker per real person, organisation or document across the corpus.

Articles name people differently ("Simon Stevens", "Mr Stevens", "Stevens", "the chief
executive of NHS England"); extract_quotes resolves names within each article, and this
module merges the articles' speakers: people by full name, or by surname when only one
person of the corpus has it; organisations by name, abbreviation ("NHS Confed") or acronym
("RCGP" for the Royal College of General Practitioners). Quote.speaker is rewritten to the
canonical name.
"""

from __future__ import annotations

from gpreader.corpus.attribution import same_org
from gpreader.corpus.model import Article, Role, Speaker
from gpreader.corpus.names import WEAK_HONORIFICS, content_words


def _key(speaker: Speaker) -> str:
    return f"{speaker.kind}:{speaker.name.lower()}"


def _find(canon: dict[str, Speaker], local: Speaker) -> Speaker | None:
    if local.kind == "person":
        hit = canon.get(_key(local))
        if hit is not None:
            return hit
        surname = local.name.split()[-1].lower()
        same = [s for s in canon.values() if s.kind == "person" and s.name.split()[-1].lower() == surname]
        if " " not in local.name and len(same) == 1:
            return same[0]
        if " " in local.name:
            # "Stevens" seen earlier on its own, now "Simon Stevens": upgrade the lone surname
            lone = [s for s in same if " " not in s.name]
            if len(lone) == 1 and len(same) == 1:
                return lone[0]
        return None
    for s in canon.values():
        if s.kind == local.kind and same_org(s.name, local.name):
            return s
    return None


def _stronger(a: str | None, b: str | None) -> str | None:
    if not a or a in WEAK_HONORIFICS:
        return b or a
    return a


def _resolve_roles_across_corpus(articles: list[Article], canon: dict[str, Speaker]) -> None:
    """'said the chief executive of NHS England' with no name: whoever held that role then."""
    people = [s for s in canon.values() if s.kind == "person"]
    for article in articles:
        for quote in article.quotes:
            if quote.speaker is not None or not quote.role_mention:
                continue
            wanted = content_words(quote.role_mention)
            if len(wanted) < 2:
                continue
            best, best_score = None, 0.0
            for person in people:
                for role in person.roles:
                    if role.date is None or article.date is None or abs(role.date.year - article.date.year) > 1:
                        continue
                    have = content_words(role.text)
                    score = len(wanted & have) / len(wanted)
                    if score > best_score:
                        best, best_score = person, score
            if best is not None and best_score >= 0.99:
                quote.speaker = best.name
                quote.mention = quote.role_mention
                best.aliases.add(quote.role_mention)


def build_speakers(articles: list[Article]) -> dict[str, Speaker]:
    """Merge every article's speakers; rewrite quotes to canonical names; {name: Speaker}."""
    canon: dict[str, Speaker] = {}
    renames: dict[tuple[str, str], Speaker] = {}
    ordered = sorted(articles, key=lambda a: a.sort_key)
    # full names first, so that lone surnames can find them
    pairs = [(a, s) for a in ordered for s in a.local_speakers.values()]
    pairs.sort(key=lambda p: 0 if (p[1].kind != "person" or " " in p[1].name) else 1)
    for article, local in pairs:
        hit = _find(canon, local)
        if hit is None:
            hit = Speaker(name=local.name, kind=local.kind, honorific=local.honorific)
            canon[_key(hit)] = hit
        elif len(local.name) > len(hit.name) and (local.kind != "person" or " " in local.name):
            del canon[_key(hit)]
            hit.aliases.add(hit.name)
            hit.name = local.name
            canon[_key(hit)] = hit
        # the latest real title wins: Professor in 2014, Dame later
        hit.honorific = _stronger(local.honorific, hit.honorific)
        hit.aliases |= local.aliases | {local.name}
        if local.kind == "person":
            surname = local.name.split()[-1]
            hit.aliases.add(surname)
            if local.honorific:
                hit.aliases.add(f"{local.honorific} {surname}")
        for role in local.roles:
            if all((r.text, r.article_id) != (role.text, role.article_id) for r in hit.roles):
                hit.roles.append(Role(role.text, article.id, article.date))
        renames[(article.id, local.name)] = hit
    for article in articles:
        for item in [*article.quotes, *article.statements]:
            if item.speaker is not None:
                hit = renames.get((article.id, item.speaker))
                if hit is not None:
                    item.speaker = hit.name
    _resolve_roles_across_corpus(articles, canon)
    speakers = {s.name: s for s in canon.values()}
    for s in speakers.values():
        s.aliases.discard(s.name)
    return speakers
