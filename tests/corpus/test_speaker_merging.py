"""build_speakers' indexes find what a scan of every body, or every person's roles, would."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gpreader.corpus.attribution import same_org
from gpreader.corpus.model import PubDate, Role, Speaker
from gpreader.corpus.names import content_words
from gpreader.corpus.speakers import _Bodies, _RolesByYear

ORG_WORDS = ["Royal", "College", "of", "General", "Practitioners", "RCGP", "the", "NHS", "England", "Eng",
             "Confed", "Confederation", "BMA", "British", "Medical", "Association", "Fuller", "report",
             "review", "stocktake", "King’s", "Fund", "K", "F", "KF", "&", "for", "İ", "ß"]
org_name = st.lists(st.one_of(st.sampled_from(ORG_WORDS), st.text(max_size=3)), max_size=5).map(" ".join)
# add a body, rename the body at an index, or only look a name up
step = st.tuples(st.sampled_from(["add", "rename", "find"]), org_name, st.integers(0, 30))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(step, max_size=40))
def test_bodies_find_the_first_body_same_org_joins(steps):
    bodies, scan = _Bodies(), []
    for action, name, at in steps:
        if action == "add":
            speaker = Speaker(name, kind="organisation")
            bodies.add(speaker)
            scan.append(speaker)
        elif action == "rename" and scan:
            speaker = scan[at % len(scan)]
            old, speaker.name = speaker.name, name
            bodies.rename(speaker, old)
        expected = next((s for s in scan if same_org(s.name, name)), None)
        assert bodies.find(name) is expected


ROLE_WORDS = ["chief", "executive", "of", "NHS", "England", "chair", "RCGP", "GP", "committee", "BMA", "former"]
role_text = st.lists(st.sampled_from(ROLE_WORDS), min_size=1, max_size=4).map(" ".join)
role = st.tuples(role_text, st.one_of(st.none(), st.integers(2012, 2016)))


def _scan(people: list[Speaker], wanted: set[str], year: int) -> tuple[Speaker | None, float]:
    best, best_score = None, 0.0
    for person in people:
        for r in person.roles:
            if r.date is None or abs(r.date.year - year) > 1:
                continue
            score = len(wanted & content_words(r.text)) / len(wanted)
            if score > best_score:
                best, best_score = person, score
    return best, best_score


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(role, max_size=5), max_size=6), role_text, st.integers(2011, 2017))
def test_roles_by_year_find_whom_a_scan_of_people_finds(roles, mention, year):
    wanted = content_words(mention)
    people = [
        Speaker(f"Person {n}", roles=[Role(text, "a", PubDate(y) if y else None) for text, y in held])
        for n, held in enumerate(roles)
    ]
    if wanted:
        best, score = _RolesByYear(people).best(wanted, year)
        assert (best, score) == _scan(people, wanted, year)
