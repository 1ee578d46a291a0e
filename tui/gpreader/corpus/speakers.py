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


class _Canon:
    """The canonical speakers so far, indexed by key, by surname and by kind."""

    def __init__(self) -> None:
        self.by_key: dict[str, Speaker] = {}
        self.by_surname: dict[str, list[Speaker]] = {}
        self.bodies: dict[str, list[Speaker]] = {}  # organisations and documents, by kind

    def add(self, speaker: Speaker) -> None:
        self.by_key[_key(speaker)] = speaker
        if speaker.kind == "person":
            self.by_surname.setdefault(speaker.name.split()[-1].lower(), []).append(speaker)
        else:
            self.bodies.setdefault(speaker.kind, []).append(speaker)

    def rename(self, speaker: Speaker, name: str) -> None:
        del self.by_key[_key(speaker)]
        speaker.aliases.add(speaker.name)
        speaker.name = name
        self.by_key[_key(speaker)] = speaker

    def find(self, local: Speaker) -> Speaker | None:
        hit = self.by_key.get(_key(local))
        if hit is not None:
            return hit
        if local.kind == "person":
            same = self.by_surname.get(local.name.split()[-1].lower(), [])
            if len(same) != 1:
                return None
            if " " not in local.name or " " not in same[0].name:
                # "Stevens" alone, or "Simon Stevens" after a lone "Stevens": one person
                return same[0]
            return None
        for s in self.bodies.get(local.kind, ()):
            if same_org(s.name, local.name):
                return s
        return None


def _stronger(a: str | None, b: str | None) -> str | None:
    if not a or a in WEAK_HONORIFICS:
        return b or a
    return a


def _resolve_roles_across_corpus(articles: list[Article], canon: list[Speaker]) -> None:
    """'said the chief executive of NHS England' with no name: whoever held that role then."""
    people = [s for s in canon if s.kind == "person"]
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
    canon = _Canon()
    renames: dict[tuple[str, str], Speaker] = {}
    ordered = sorted(articles, key=lambda a: a.sort_key)
    # full names first, so that lone surnames can find them
    pairs = [(a, s) for a in ordered for s in a.local_speakers.values()]
    pairs.sort(key=lambda p: 0 if (p[1].kind != "person" or " " in p[1].name) else 1)
    seen_roles: set[tuple[int, str, str]] = set()
    for article, local in pairs:
        hit = canon.find(local)
        if hit is None:
            hit = Speaker(name=local.name, kind=local.kind, honorific=local.honorific)
            canon.add(hit)
        elif len(local.name) > len(hit.name) and (local.kind != "person" or " " in local.name):
            canon.rename(hit, local.name)
        # the latest real title wins: Professor in 2014, Dame later
        hit.honorific = _stronger(local.honorific, hit.honorific)
        hit.aliases |= local.aliases | {local.name}
        if local.kind == "person":
            surname = local.name.split()[-1]
            hit.aliases.add(surname)
            if local.honorific:
                hit.aliases.add(f"{local.honorific} {surname}")
        for role in local.roles:
            key = (id(hit), role.text, article.id)
            if key not in seen_roles:
                seen_roles.add(key)
                hit.roles.append(Role(role.text, article.id, article.date))
        renames[(article.id, local.name)] = hit
    for article in articles:
        for item in [*article.quotes, *article.statements]:
            if item.speaker is not None:
                hit = renames.get((article.id, item.speaker))
                if hit is not None:
                    item.speaker = hit.name
    _resolve_roles_across_corpus(articles, list(canon.by_key.values()))
    speakers = {s.name: s for s in canon.by_key.values()}
    for s in speakers.values():
        s.aliases.discard(s.name)
    return speakers
