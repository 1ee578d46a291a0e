"""Generate a deterministic corpus of realistic UK primary-care news articles.

    python benchmarks/generate.py 10000 /tmp/corpus10k --seed 1

Articles are 300–1,500 words in the styles of the seeds: Pulse and GP (curly single
quotes, 'told Pulse', reader comments), HSJ, The BMJ (curly double quotes, 'Cite this as'
header) and Nursing Times (straight double quotes); quotations run over paragraphs, are
attributed by name, surname, pronoun, role and organisation, and 300+ people with
honorifics and roles speak across 2010–2025. Facts go in catalog.toml; one article in ten
is Markdown with front matter. Article *i* depends only on (seed, i), so the first 20
articles of a 10,000-article corpus are the 20 of a 20-article one.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from dataclasses import dataclass
from pathlib import Path

# --- people ---------------------------------------------------------------------------------
MALE = """adam alan alastair alex andrew anthony ben bill brian charles chris christopher clive colin
daniel david dean dominic duncan edward gareth gary geoff george graham greg hamish harry henry hugh
iain ian jack james jamie jeremy jim john jonathan joseph kevin keith lawrence mark martin matthew
michael mike neil nick nigel oliver patrick paul peter phil philip raj richard rob robert roger ross
sam simon stephen steve stuart thomas tim tom tony william""".split()
FEMALE = """alison amanda amy angela ann anna anne barbara becky beth carol caroline catherine
charlotte claire clare deborah denise diane elizabeth emma fiona frances gill hannah helen jane
janet jennifer jenny jessica joanna julia julie karen kate katherine laura liz lucy maggie
margaret maria mary maureen michelle nicola patricia rachel rebecca ruth sally sarah sharon sophie
sue susan victoria wendy zoe""".split()
SURNAMES = """Abbott Ahmed Ainsworth Akhtar Allen Anderson Armstrong Ashworth Bailey Baker Banerjee
Barker Barnes Bates Baxter Bell Bennett Bird Bishop Black Bolton Bond Booth Bowen Bradley Brennan
Brooks Burgess Burton Butler Byrne Campbell Carr Carter Chadwick Chambers Chandra Chapman Clarke
Coleman Collins Cooper Cox Crawford Cross Curtis Dalton Daniels Davies Dawson Day Dixon Doyle
Duncan Dunn Edwards Elliott Evans Farrell Fielding Fisher Fleming Fletcher Ford Foster Fox Francis
Fraser Gallagher Gardner Gibson Gill Gordon Graham Grant Gray Green Griffiths Hall Hamilton Hancock
Harding Harper Harris Harvey Hawkins Hayes Henderson Hill Holland Holmes Hopkins Howard Hughes
Hunter Hussain Jackson James Jenkins Johnston Jones Kaur Kelly Kennedy Khan Knight Lambert Lawson
Lee Lewis Lloyd Lowe Macdonald Malik Marsh Marshall Mason Matthews McCarthy McKenzie Mills Mitchell
Moore Morgan Morris Murphy Murray Nash Newman Nicholls Norris O’Brien O’Connor Osborne Owen Palmer
Parker Parry Patel Payne Pearce Pearson Perry Phillips Porter Potter Powell Price Quinn Rahman
Reid Reynolds Richards Riley Roberts Robertson Robinson Rogers Rose Ross Russell Ryan Saunders
Scott Shah Sharma Shaw Simpson Singh Slater Smith Spencer Stevens Stewart Stone Sutton Taylor
Thompson Todd Turner Vaughan Walker Wallace Walsh Ward Watson Webb Wells West White Whitehead
Wilkinson Williams Wilson Wood Woods Wright Young""".split()
PLACES = """Leeds Liverpool Manchester Bristol Birmingham Sheffield Newcastle Nottingham Leicester
Norfolk Suffolk Kent Devon Cornwall Cumbria Lancashire Yorkshire Oxford Cambridge Brighton
Southampton Plymouth Hull Bradford Derby Coventry Stoke Sunderland Gateshead Essex Surrey Hampshire
Dorset Somerset Wiltshire Lincolnshire Northumberland Tower-Hamlets Hackney Lambeth Croydon""".split()
ORGS = [  # (name as written, short name or None, kind)
    ("NHS England", None, "organisation"),
    ("the BMA", None, "organisation"),
    ("the RCGP", None, "organisation"),
    ("the Royal College of General Practitioners", "the RCGP", "organisation"),
    ("the King’s Fund", None, "organisation"),
    ("the Nuffield Trust", None, "organisation"),
    ("the NHS Confederation", "the NHS Confed", "organisation"),
    ("the Health Foundation", None, "organisation"),
    ("the Care Quality Commission", "the CQC", "organisation"),
    ("NICE", None, "organisation"),
    ("Healthwatch England", None, "organisation"),
    ("the Royal College of Nursing", "the RCN", "organisation"),
    ("NHS Providers", None, "organisation"),
    ("the General Medical Council", "the GMC", "organisation"),
    ("Londonwide LMCs", None, "organisation"),
    ("the Patients Association", None, "organisation"),
    ("the Family Doctor Association", None, "organisation"),
    ("the Institute for Fiscal Studies", None, "organisation"),
]
SPOKES_ORGS = ["NHS England", "BMA", "Department of Health and Social Care", "CQC", "RCGP",
               "NHS Confederation", "Treasury", "GMC", "NICE", "Labour Party"]
ROLES = [
    "chair of the BMA’s GP committee", "GPC deputy chair", "chair of the RCGP",
    "president of the RCGP", "chief executive of NHS England", "national director for primary care at NHS England",
    "deputy medical director of NHS England", "chief executive of the King’s Fund", "director of policy at the Nuffield Trust",
    "chief executive of the NHS Confederation", "chief inspector of general practice at the CQC",
    "medical director of Londonwide LMCs", "chair of the Family Doctor Association", "head of primary care commissioning at NHS England",
    "clinical chair of NHS {place} CCG", "a GP partner in {place}", "a GP in {place}", "a practice nurse in {place}",
    "chief nursing officer for England", "health secretary", "shadow health secretary", "health minister",
    "chief executive of the Health Foundation", "senior fellow at the King’s Fund", "chair of {place} LMC",
    "secretary of {place} LMC", "clinical director of a primary care network in {place}",
    "professor of primary care at the University of {place}", "chief executive of Healthwatch England",
    "director of nursing at the Royal College of Nursing", "chair of the BMA council", "GPC negotiator",
    "chief economist at the Health Foundation", "chief executive of NHS Providers", "a salaried GP in {place}",
]
ROLE_SHORT = {  # what a role-only mention calls them: "said the GPC deputy chair"
    "chair of the BMA’s GP committee": "the GP committee chair", "GPC deputy chair": "the GPC deputy chair",
    "health secretary": "the health secretary", "chief executive of NHS England": "the NHS England chief executive",
    "chief executive of the King’s Fund": "the King’s Fund chief executive",
    "chair of the RCGP": "the RCGP chair", "president of the RCGP": "the RCGP president",
}

# --- outlets --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Outlet:
    name: str
    file_tag: str
    open_q: str
    close_q: str
    inner_open: str
    inner_close: str
    told: str  # "told Pulse"


OUTLETS = [
    Outlet("Pulse", "pulse", "‘", "’", "“", "”", "Pulse"),
    Outlet("GP", "gponline", "‘", "’", "“", "”", "GPonline"),
    Outlet("HSJ", "hsj", "‘", "’", "“", "”", "HSJ"),
    Outlet("The BMJ", "bmj", "“", "”", "‘", "’", "The BMJ"),
    Outlet("Nursing Times", "nt", '"', '"', "'", "'", "Nursing Times"),
]
OUTLET_WEIGHTS = [35, 25, 15, 15, 10]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]

# --- prose ------------------------------------------------------------------------------------
TOPICS = [
    "the GP contract", "core funding for practices", "the workforce crisis", "QOF payments",
    "primary care networks", "the Additional Roles Reimbursement Scheme", "practice premises",
    "indemnity costs", "seven-day access", "the NHS 111 service", "A&E waiting times",
    "hospital waiting lists", "continuity of care", "online consultations", "the partnership model",
    "locum rates", "GP recruitment", "out-of-hours care", "integrated care boards",
    "the Fuller stocktake", "co-commissioning", "list cleansing", "the MPIG withdrawal",
    "PMS reviews", "the flu vaccination programme", "social prescribing", "physician associates",
    "the Carr-Hill formula", "enhanced services", "appraisal and revalidation", "CQC inspections",
    "digital first providers", "remote monitoring", "community pharmacy", "neighbourhood health teams",
]
ADJ = """unprecedented sustainable radical modest significant urgent fragile ambitious widespread
serious sensible flexible national local chronic persistent historic decisive long-term short-term
inadequate robust unworkable pragmatic costly bureaucratic""".split()
NOUNS = """pressure demand workload funding investment capacity staffing morale retention burnout
inequality access reform transformation scrutiny uncertainty bureaucracy accountability
commissioning collaboration integration innovation resilience""".split()
VERBS_PAST = ["warned", "argued", "claimed", "suggested", "insisted", "stressed", "noted"]
FILLER = [
    "The figures, published on {weekday}, show that {pct} per cent of practices in {place} reported {adj} {noun} over the past year.",
    "Data from NHS Digital suggest the number of full-time equivalent GPs has fallen by {num} since {year}.",
    "Practices in {place} have seen {noun} rise sharply, with some reporting waits of up to {num2} weeks for routine appointments.",
    "The plans form part of a wider programme to reshape {topic} across England over the next {num2} years.",
    "Under the proposals, {topic} would be reviewed alongside {topic2}, with a consultation expected in {month}.",
    "The announcement follows months of negotiations over {topic} between the GPC and NHS England.",
    "Local medical committees have long raised concerns about {topic} and its effect on {noun}.",
    "A survey of {num} GPs found that {pct} per cent felt {topic} had made their workload {adj2}.",
    "The Government has committed £{money} million to {topic}, although critics say the sum falls short.",
    "Commissioners in {place} said they would set out detailed plans for {topic} later this year.",
    "The review will examine how {topic} interacts with {topic2} and whether {adj} changes are needed.",
    "It comes as {num} practices closed in the last {num2} months, affecting more than {big} patients.",
    "Health leaders have described the current level of {noun} as {adj} and called for {adj2} action.",
    "Earlier this year, a report by the Public Accounts Committee criticised the handling of {topic}.",
    "The scheme, which launched in {month} {year}, was intended to ease {noun} in general practice.",
    "Separately, {pct} per cent of respondents said {topic} should be the top priority for the next government.",
    "The document sets out {num2} principles for {topic}, including greater {noun} and {noun2}.",
    "Figures seen by {outlet} show spending on {topic} rose by {pct} per cent between {year} and {year2}.",
]
QUOTE_SENTENCES = [
    "We cannot go on like this",
    "The pressure on practices is {adj} and it is getting worse",
    "Patients deserve better than this",
    "This is a {adj} moment for general practice",
    "There is simply not enough money in the system",
    "We need a {adj} solution to {topic}, not another pilot",
    "I don’t believe we’ve got {topic} right yet",
    "GPs are working harder than ever and morale is at rock bottom",
    "The evidence on {topic} is clear and we should act on it",
    "It is about time the Government listened to the profession",
    "We have been warning about {noun} for years",
    "Nobody should be forced into a model that does not work for their patients",
    "This will not solve the {noun} problem on its own",
    "We welcome the investment, but the detail matters",
    "Practices are closing and the public is noticing",
    "We’ve got to be taking {topic} far more seriously than that",
    "It can’t just be a few hundred million pounds",
    "There will be national solutions and then local ways of delivering them",
    "I think it would be an assertion of ideology over pragmatism",
    "What we are seeing is {adj} {noun} across the country",
    "Our members are telling us they are at breaking point",
    "The contract has to change if we are to keep the partnership model",
    "We want to see a sustainable future for {topic}",
    "This is not the end of the story, it is the beginning",
]
PHRASES = ["a {adj} threat", "{adj} change", "the end of the independent contractor model",
           "substantial new resources", "a perfect storm", "{adj} {noun}", "real momentum",
           "one tool among many", "a sticking plaster", "far too little, far too late"]
HEADLINES = [
    "GPs warn of {adj} {noun} as {topic} stalls",
    "{topic_cap} must change, says {org_plain}",
    "Practices face {adj} {noun} over {topic}",
    "{org_plain} calls for {adj} overhaul of {topic}",
    "Government under pressure over {topic}",
    "New plans for {topic} unveiled",
    "{surname}: {topic_cap} is at a crossroads",
    "Exclusive: {pct}% of GPs say {topic} has worsened",
]
COMMENTS = [
    "Another plan, another year, nothing changes on the front line.",
    "Anonymous | GP Partner | {num} {time_unit} ago",
    "They said the same in {year}. Where did that money go?",
    "Do they mean like with {topic}? We have seen this film before.",
    "Retiring next year and honestly I can’t wait.",
    "Salaried GP | {num} {time_unit} ago",
]


class Writer:
    """Writes the articles; *rng* and *people* are per corpus, each article has its own rng."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        rng = random.Random(f"people:{seed}")
        self.people = self._make_people(rng, 340)

    @staticmethod
    def _make_people(rng: random.Random, n: int) -> list[dict]:
        people: list[dict] = []
        seen: set[tuple[str, str]] = set()
        while len(people) < n:
            gender = rng.choice("mf")
            first = rng.choice(MALE if gender == "m" else FEMALE).capitalize()
            last = rng.choice(SURNAMES)
            if (first, last) in seen:
                continue
            seen.add((first, last))
            roll = rng.random()
            if roll < 0.45:
                hon = "Dr"
            elif roll < 0.60:
                hon = "Professor"
            elif roll < 0.78:
                hon = "Mr" if gender == "m" else "Ms"
            elif roll < 0.84:
                hon = "Sir" if gender == "m" else "Dame"
            elif roll < 0.87:
                hon = "Lord" if gender == "m" else "Baroness"
            else:
                hon = None
            role = rng.choice(ROLES).replace("{place}", rng.choice(PLACES).replace("-", " "))
            people.append({"first": first, "last": last, "hon": hon, "gender": gender, "role": role})
        return people

    # -- one article ------------------------------------------------------------------------
    def article(self, i: int) -> tuple[str, str, dict]:
        """(file name, text, catalog fields) of article *i*."""
        rng = random.Random(f"article:{self.seed}:{i}")
        outlet = rng.choices(OUTLETS, OUTLET_WEIGHTS)[0]
        year = rng.randint(2010, 2025)
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        words_wanted = rng.randint(300, 1500)
        # a few people recur a lot (Zipf-like), most rarely
        cast = []
        for _ in range(rng.randint(1, 4)):
            k = min(int(rng.paretovariate(0.9)) - 1, len(self.people) - 1)
            person = self.people[(k * 37 + (i % 3)) % len(self.people)] if rng.random() < 0.5 else rng.choice(self.people)
            if person not in cast:
                cast.append(person)
        org = rng.choice(ORGS)
        ctx = _Context(rng, outlet, year)
        headline = ctx.fill(rng.choice(HEADLINES), org_plain=_plain(org[0]).strip(), surname=cast[0]["last"])
        paragraphs = self._body(ctx, cast, org, words_wanted)
        lines: list[str] = []
        if outlet.name in ("Pulse", "GP") and rng.random() < 0.4:
            lines.append("This site is intended for health professionals only")
        lines.append(headline)
        author = f"{rng.choice(MALE + FEMALE).capitalize()} {rng.choice(SURNAMES)}"
        fields: dict = {"outlet": outlet.name}
        if outlet.name == "The BMJ":
            vol = 340 + (year - 2010) * 4
            cite = f"BMJ {year};{vol}:g{rng.randint(1000, 9999)}"
            lines.append(  # one block, as in seed 003
                f"BMJ {year}; {vol} doi: (Published {day:02d} {MONTH_NAMES[month - 1]} {year}) Cite this as: {cite}\n"
                f"  1. {author}\n  1. 1The BMJ"
            )
            fields.update(author=author, citation=cite)
        elif rng.random() < 0.5:
            fields["author"] = author
        precision = rng.choices(["day", "month", "week", "year"], [70, 18, 7, 5])[0]
        date = {"day": f"{year}-{month:02d}-{day:02d}", "week": f"{year}-{month:02d}-{day:02d}",
                "month": f"{year}-{month:02d}", "year": f"{year}"}[precision]
        fields.update(date=date, date_precision=precision)
        if precision != "day" or rng.random() < 0.3:
            fields["date_inferred"] = True
        if rng.random() < 0.3:
            fields["event"] = f"{rng.choice(['LMC conference', 'RCGP annual conference', 'NHS Confederation expo', 'Pulse Live'])}, {rng.choice(PLACES)}"
        body = lines + paragraphs
        if outlet.name == "Pulse" and rng.random() < 0.5:
            n = rng.randint(1, 5)
            body.append(f"Readers' comments ({n})")
            body += [ctx.fill(rng.choice(COMMENTS)) for _ in range(n)]
        stem = f"{i:05d}_{hashlib.sha1(f'{self.seed}:{i}'.encode()).hexdigest()[:16]}"
        if rng.random() < 0.1:  # Markdown with front matter, facts not in the catalog
            front = ["---", f"outlet: {outlet.name}", f"date: {date}", f"date_precision: {precision}"]
            if "author" in fields:
                front.append(f"author: {fields['author']}")
            front.append("---")
            text = "\n".join(front) + f"\n# {headline}\n\n" + "\n\n".join(paragraphs) + "\n"
            return stem + ".md", text, {}
        sep = "\n" if outlet.name == "Pulse" and rng.random() < 0.3 else "\n\n"  # seed 004 style
        return stem + ".txt", sep.join(body) + "\n", fields

    def _body(self, ctx: "_Context", cast: list[dict], org: tuple, words_wanted: int) -> list[str]:
        rng = ctx.rng
        paragraphs: list[str] = [ctx.fill(rng.choice(FILLER)) + " " + ctx.fill(rng.choice(FILLER))]
        words = len(paragraphs[0].split())
        counted = 1
        introduced: set[int] = set()
        last_person: dict | None = None
        while words < words_wanted:
            roll = rng.random()
            if roll < 0.35:
                par = " ".join(ctx.fill(rng.choice(FILLER)) for _ in range(rng.randint(1, 3)))
                paragraphs.append(par)
            elif roll < 0.45:
                paragraphs += self._org_quote(ctx, org)
            else:
                person = rng.choice(cast)
                first_time = id(person) not in introduced
                introduced.add(id(person))
                paragraphs += self._person_quote(ctx, person, first_time, person is last_person)
                last_person = person
            words += sum(len(p.split()) for p in paragraphs[counted:])
            counted = len(paragraphs)
        return paragraphs

    def _person_quote(self, ctx: "_Context", p: dict, first_time: bool, again: bool) -> list[str]:
        rng = ctx.rng
        o, c = ctx.outlet.open_q, ctx.outlet.close_q
        full = f"{p['hon']} {p['first']} {p['last']}" if p["hon"] else f"{p['first']} {p['last']}"
        short = f"{p['hon']} {p['last']}" if p["hon"] in ("Dr", "Professor", "Mr", "Ms") else (
            f"{p['hon']} {p['first']}" if p["hon"] in ("Sir", "Dame") else (full if p["hon"] else p["last"]))
        he = "He" if p["gender"] == "m" else "She"
        role = p["role"]
        q1, q2, q3 = ctx.quote(), ctx.quote(), ctx.quote()
        if first_time:
            form = rng.randrange(7)
            if form == 0:
                return [f"{full}, {role}, said: {o}{q1}. {q2}.{c}"]
            if form == 1:
                return [f"{o}{q1},{c} said {full}, {role}. {o}{q2}.{c}"]
            if form == 2:
                return [f"Speaking at {ctx.event()}, {full}, {role}, said there was a need to {o}{ctx.phrase()}{c} in {ctx.topic()}."]
            if form == 3:
                return [f"{full}, {role}, told {ctx.outlet.told}: {o}{q1}. {q2}.", f"{o}{q3}.{c}"]
            if form == 4:  # a quotation over three paragraphs, opening marks only
                return [f"{full}, {role}, said: {o}{q1}.", f"{o}{q2}.", f"{o}{q3}.{c}"]
            if form == 5:
                return [f"{ctx.title(role)} {full} said the plans for {ctx.topic()} were {o}{ctx.phrase()}{c}."]
            return [f"{o}{q1},{c} {full}, {role}, said."]
        form = rng.randrange(9)
        if form == 0:
            return [f"{he} added: {o}{q1}.{c}"]
        if form == 1:
            return [f"{o}{q1},{c} {he.lower()} said. {o}{q2}.{c}"]
        if form == 2:
            return [f"{short} told {ctx.outlet.told}: {o}{q1}.{c}"]
        if form == 3:
            return [f"The Government will announce {o}{ctx.phrase()}{c} for {ctx.topic()} next year, {short} added."]
        if form == 4 and role in ROLE_SHORT:
            return [f"{o}{q1},{c} said {ROLE_SHORT[role]}."]
        if form == 5 and again:  # continuation paragraph: the speaker of the paragraph before
            return [f"{o}{q1}. {q2}.{c}"]
        if form == 6:
            inner_speaker = rng.choice(self.people)
            io, ic = ctx.outlet.inner_open, ctx.outlet.inner_close
            return [f"{short} said: {o}When {inner_speaker['first']} {inner_speaker['last']} told us {io}{q2.lower()}{ic}, GPs were furious.{c}"]
        if form == 7:
            return [f"{short}: {o}{q1}.{c}"]
        return [f"{short} set out {rng.choice(['three', 'four', 'five'])} proposals for {ctx.topic()}, arguing that {ctx.topic()} should be reviewed."]

    def _org_quote(self, ctx: "_Context", org: tuple) -> list[str]:
        rng = ctx.rng
        o, c = ctx.outlet.open_q, ctx.outlet.close_q
        name = org[0]
        form = rng.randrange(4)
        if form == 0:
            return [f"According to {name}, {ctx.topic()} faces {o}{ctx.phrase()}{c}."]
        if form == 1:
            who = rng.choice(SPOKES_ORGS)
            a = "An" if who[0] in "AEIOU" or who in ("RCGP", "NHS England", "NHS Confederation") else "A"
            return [f"{a} {who} spokesperson said: {o}{ctx.quote()}.{c}"]
        if form == 2:
            return [f"In a report on {ctx.topic()}, {name} argued that practices {o}need more support{c}.",
                    f"The report said: {o}{ctx.quote()}.{c}"]
        return [f"Starting in {rng.choice(MONTH_NAMES)}, integrated care {o}pioneer sites{c} will begin work on {ctx.topic()}."]


class _Context:
    def __init__(self, rng: random.Random, outlet: Outlet, year: int) -> None:
        self.rng, self.outlet, self.year = rng, outlet, year

    def topic(self) -> str:
        return self.rng.choice(TOPICS)

    def phrase(self) -> str:
        return self.fill(self.rng.choice(PHRASES))

    def quote(self) -> str:
        return self.fill(self.rng.choice(QUOTE_SENTENCES))

    def event(self) -> str:
        return self.rng.choice(["the LMC conference", "the RCGP annual conference", "a King’s Fund event",
                                "the NHS Confederation conference", "a Westminster Health Forum seminar"])

    def title(self, role: str) -> str:
        return self.rng.choice(["Former", "Veteran", "Outspoken", "Respected"])

    def fill(self, template: str, **extra: str) -> str:
        rng = self.rng
        topic = rng.choice(TOPICS)
        values = {
            "topic": topic, "topic2": rng.choice(TOPICS), "topic_cap": topic[0].upper() + topic[1:],
            "adj": rng.choice(ADJ), "adj2": rng.choice(ADJ), "noun": rng.choice(NOUNS), "noun2": rng.choice(NOUNS),
            "place": rng.choice(PLACES).replace("-", " "), "pct": str(rng.randint(3, 92)),
            "num": str(rng.randint(12, 900)), "num2": str(rng.randint(2, 12)), "big": f"{rng.randint(10, 400)},000",
            "money": str(rng.choice([50, 80, 120, 250, 500, 750, 1000])), "year": str(self.year - rng.randint(1, 6)),
            "year2": str(self.year), "month": rng.choice(MONTH_NAMES), "outlet": self.outlet.told,
            "weekday": rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
            "time_unit": rng.choice(["days", "weeks", "months"]),
        }
        values.update(extra)
        return template.format(**values)


def _plain(name: str) -> str:
    return name[4:] if name.startswith("the ") else name


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(n: int, outdir: Path | str, seed: int = 1) -> list[Path]:
    """Write *n* articles and their catalog.toml into *outdir*; return the article paths."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    writer = Writer(seed)
    paths: list[Path] = []
    catalog: list[str] = ["# Generated by benchmarks/generate.py; facts per article file stem.\n"]
    for i in range(n):
        name, text, fields = writer.article(i)
        path = out / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        if fields:
            catalog.append(f'[articles."{Path(name).stem}"]')
            for key, value in fields.items():
                catalog.append(f"{key} = {'true' if value is True else _toml_string(str(value))}")
            catalog.append("")
    (out / "catalog.toml").write_text("\n".join(catalog) + "\n", encoding="utf-8")
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    paths = generate(args.n, args.outdir, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} articles, {size / 1e6:.1f} MB in {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
