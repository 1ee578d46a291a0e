"""One canonical speaker per real person, organisation or document across the corpus.

Articles name people differently ("Simon Stevens", "Mr Stevens", "Stevens", "the chief
executive of NHS England"); extract_quotes resolves names within each article, and this
module merges the articles' speakers: people by full name, or by surname when only one
person of the corpus has it; organisations by name, abbreviation ("NHS Confed") or acronym
("RCGP" for the Royal College of General Practitioners). Quote.speaker is rewritten to the
canonical name.
"""

from __future__ import annotations

from functools import lru_cache

from gpreader.corpus.attribution import _acronym, same_org
from gpreader.corpus.model import Article, Quote, Role, Speaker
from gpreader.corpus.names import DOCUMENT_WORDS, GIVEN_NAME_TITLES, WEAK_HONORIFICS, content_words, person_gender


def _key(speaker: Speaker) -> str:
    return f"{speaker.kind}:{speaker.name.lower()}"


@lru_cache(maxsize=4096)  # a corpus names its bodies the same few ways thousands of times
def _org_keys(name: str) -> tuple[tuple, ...]:
    """Keys under which a body of this name is filed: any two names ``same_org`` joins share one.

    ``same_org`` joins names word by word (same number of words, each a prefix of the other,
    so the same first letters), documents by the words before "report" or "review", and
    names of different lengths by acronym ("RCGP" and "Royal College of General Practitioners").
    """
    tokens = name.lower().split()
    keys: list[tuple] = [("words", len(tokens), tuple(t[0] for t in tokens))]
    if len(tokens) >= 2 and tokens[-1] in DOCUMENT_WORDS:
        keys.append(("document", tuple(tokens[:-1])))
    keys.append(("squashed", name.replace(" ", "")))
    keys.append(("acronym", _acronym(name)))
    return tuple(keys)


@lru_cache(maxsize=4096)
def _org_lookups(name: str) -> tuple[tuple, ...]:
    """The keys to look up for bodies that ``same_org`` may join to *name*."""
    same_words = [k for k in _org_keys(name) if k[0] in ("words", "document")]
    # "Royal College of General Practitioners" finds a body filed as squashed "RCGP", and
    # "RCGP" finds the body filed under the acronym of its long name
    return (*same_words, ("squashed", _acronym(name)), ("acronym", name.replace(" ", "")))


class _Bodies:
    """The organisations (or documents) so far, in order, filed by ``_org_keys``.

    ``find`` returns the first body, in the order they were added, that ``same_org`` joins
    to a name, as a scan of every body would, but asks ``same_org`` only about bodies that
    share a key with the name.
    """

    def __init__(self) -> None:
        self.order: list[Speaker] = []
        self.position: dict[int, int] = {}  # id(speaker) -> its place in order
        self.filed: dict[tuple, set[int]] = {}

    def add(self, speaker: Speaker) -> None:
        self.position[id(speaker)] = len(self.order)
        self.order.append(speaker)
        self._file(speaker.name, len(self.order) - 1)

    def rename(self, speaker: Speaker, old_name: str) -> None:
        at = self.position[id(speaker)]
        for key in _org_keys(old_name):
            self.filed[key].discard(at)
        self._file(speaker.name, at)

    def _file(self, name: str, at: int) -> None:
        for key in _org_keys(name):
            self.filed.setdefault(key, set()).add(at)

    def find(self, name: str) -> Speaker | None:
        near: set[int] = set()
        for key in _org_lookups(name):
            near |= self.filed.get(key, set())
        for at in sorted(near):
            if same_org(self.order[at].name, name):
                return self.order[at]
        return None


class _Canon:
    """The canonical speakers so far, indexed by key, by surname and by kind."""

    def __init__(self) -> None:
        self.by_key: dict[str, Speaker] = {}
        self.by_surname: dict[str, list[Speaker]] = {}
        self.by_given: dict[str, list[Speaker]] = {}  # first name of a full name -> people
        self.bodies: dict[str, _Bodies] = {}  # organisations and documents, by kind

    def add(self, speaker: Speaker) -> None:
        self.by_key[_key(speaker)] = speaker
        if speaker.kind == "person":
            words = speaker.name.split()
            self.by_surname.setdefault(words[-1].lower(), []).append(speaker)
            if len(words) > 1:
                self.by_given.setdefault(words[0], []).append(speaker)
        else:
            self.bodies.setdefault(speaker.kind, _Bodies()).add(speaker)

    def rename(self, speaker: Speaker, name: str) -> None:
        del self.by_key[_key(speaker)]
        old_name = speaker.name
        speaker.aliases.add(old_name)
        speaker.name = name
        self.by_key[_key(speaker)] = speaker
        if speaker.kind == "person" and " " in name:
            self.by_given.setdefault(name.split()[0], []).append(speaker)
        if speaker.kind != "person":
            self.bodies[speaker.kind].rename(speaker, old_name)

    def find(self, local: Speaker) -> Speaker | None:
        hit = self.by_key.get(_key(local))
        if hit is not None:
            return hit
        if local.kind == "person":
            if " " not in local.name and local.honorific in GIVEN_NAME_TITLES:
                gender = person_gender("", local.honorific)
                titled = [s for s in self.by_given.get(local.name, []) if person_gender("", s.honorific) in (None, gender)]
                if len(titled) > 1:
                    titled = [s for s in titled if s.honorific == local.honorific]
                if len(titled) == 1:  # "Sir Tim" alone in an article: the one Sir Tim known
                    return titled[0]
            same = self.by_surname.get(local.name.split()[-1].lower(), [])
            if len(same) != 1:
                return None
            if " " not in local.name or " " not in same[0].name:
                # "Stevens" alone, or "Simon Stevens" after a lone "Stevens": one person
                return same[0]
            return None
        bodies = self.bodies.get(local.kind)
        return bodies.find(local.name) if bodies is not None else None


class _RolesByYear:
    """People's dated roles by year, each role's content words worked out once."""

    def __init__(self, people: list[Speaker]) -> None:
        words_of: dict[str, frozenset[str]] = {}
        self.held: dict[int, list[tuple[int, Speaker, frozenset[str]]]] = {}
        for order, person in enumerate(people):
            seen: set[tuple[int, str]] = set()
            for role in person.roles:
                if role.date is None or (role.date.year, role.text) in seen:
                    continue
                seen.add((role.date.year, role.text))
                if role.text not in words_of:
                    words_of[role.text] = frozenset(content_words(role.text))
                self.held.setdefault(role.date.year, []).append((order, person, words_of[role.text]))

    def best(self, wanted: set[str], year: int) -> tuple[Speaker | None, float]:
        """Who held the role best matching *wanted* within a year of *year*, and how well.

        Ties go to the person first in order, as a scan of people and their roles would.
        """
        best, best_order, best_score = None, -1, 0.0
        for held_year in (year - 1, year, year + 1):
            for order, person, have in self.held.get(held_year, ()):
                score = len(wanted & have) / len(wanted)
                if score > best_score or (score == best_score and best is not None and order < best_order):
                    best, best_order, best_score = person, order, score
        return best, best_score


def _resolve_roles_across_corpus(articles: list[Article], canon: list[Speaker]) -> None:
    """'said the chief executive of NHS England' with no name: whoever held that role then."""
    asked: list[tuple[Article, Quote]] = [
        (article, quote)
        for article in articles
        if article.date is not None
        for quote in article.quotes
        if quote.speaker is None and quote.role_mention
    ]
    if not asked:
        return
    roles = _RolesByYear([s for s in canon if s.kind == "person"])
    for article, quote in asked:
        wanted = content_words(quote.role_mention)
        if len(wanted) < 2:
            continue
        best, best_score = roles.best(wanted, article.date.year)  # type: ignore[union-attr]
        if best is not None and best_score >= 0.99:
            quote.speaker = best.name
            quote.mention = quote.role_mention
            best.aliases.add(quote.role_mention)


def build_speakers(articles: list[Article]) -> dict[str, Speaker]:
    """Merge every article's speakers; rewrite quotes to canonical names; {name: Speaker}."""
    canon = _Canon()
    by_key = canon.by_key
    renames: dict[str, dict[str, Speaker]] = {}  # article id -> local name -> canonical speaker
    # full names first, so that lone surnames can find them; each in the articles' order
    pairs: list[tuple[Article, Speaker]] = []
    lone: list[tuple[Article, Speaker]] = []
    for article in sorted(articles, key=lambda a: a.sort_key):
        for local in article.local_speakers.values():
            (lone if local.kind == "person" and " " not in local.name else pairs).append((article, local))
    pairs += lone
    seen_roles: set[tuple[int, str, str]] = set()
    # (Run after the last article is in, on one core, 58,000 pairs on 10,000 articles: the
    # common case, a speaker met before under the same name, takes the fewest steps.)
    for article, local in pairs:
        name, kind = local.name, local.kind
        hit = by_key.get(f"{kind}:{name.lower()}")  # (_key, as canon.find tries first)
        if hit is None:
            hit = canon.find(local)
        if hit is None:
            hit = Speaker(name=name, kind=kind, honorific=local.honorific)
            canon.add(hit)
        elif len(name) > len(hit.name) and (kind != "person" or " " in name):
            canon.rename(hit, name)
        # the latest real title wins: Professor in 2014, Dame later; a weak one (Mr, Ms)
        # only where there is none
        honorific = local.honorific
        if honorific and honorific not in WEAK_HONORIFICS or not hit.honorific:
            hit.honorific = honorific
        aliases = hit.aliases
        if local.aliases:
            aliases |= local.aliases
        if kind != "person":
            aliases.add(name)
        else:
            words = name.split()
            if honorific in GIVEN_NAME_TITLES:  # "Sir Tim", never "Sir Curtis" (nor "Tim")
                aliases.add(f"{honorific} {words[0]}")
                if len(words) > 1:
                    aliases |= {name, words[-1]}
            else:
                aliases |= {name, words[-1]}
                if honorific:
                    aliases.add(f"{honorific} {words[-1]}")
        if local.roles:
            for role in local.roles:
                key = (id(hit), role.text, article.id)
                if key not in seen_roles:
                    seen_roles.add(key)
                    hit.roles.append(Role(role.text, article.id, article.date))
        renames.setdefault(article.id, {})[name] = hit
    for article in articles:
        # only the names that change: most articles already use the canonical names
        changed = {name: hit.name for name, hit in renames.get(article.id, {}).items() if hit.name != name}
        if not changed:
            continue
        for items in (article.quotes, article.statements):
            for item in items:
                name = changed.get(item.speaker)  # (None for a speaker None: no key is None)
                if name is not None:
                    item.speaker = name
    _resolve_roles_across_corpus(articles, list(canon.by_key.values()))
    speakers = {s.name: s for s in canon.by_key.values()}
    for s in speakers.values():
        s.aliases.discard(s.name)
    return speakers
