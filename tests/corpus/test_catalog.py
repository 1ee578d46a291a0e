"""catalog.toml and Markdown front matter: facts, evidence, and warnings instead of crashes."""

from __future__ import annotations

from gpreader.corpus.catalog import read_catalog, split_front_matter, validate_fields
from gpreader.corpus.model import PubDate
from gpreader.resources import bundled_seeds


def write_catalog(tmp_path, text: str):
    (tmp_path / "catalog.toml").write_text(text, encoding="utf-8")
    return read_catalog(tmp_path)


def test_seed_catalog_reads_cleanly():
    catalog, problems = read_catalog(bundled_seeds())
    assert problems == []
    assert sorted(catalog) == sorted(p.stem for p in bundled_seeds().glob("*.txt"))


def test_seed_dates_keep_their_precision():
    catalog, _ = read_catalog(bundled_seeds())
    shown = {stem: fields["date"].display() for stem, fields in catalog.items()}
    assert shown == {
        "000_bfb60d14f6019173": "Feb 2014",
        "001_52dddf06ea81e95a": "4 Jun 2014",
        "002_24d1e309c0c47b10": "c. May 2013",
        "003_c11f4f72208e9254": "3 Oct 2014",
        "004_f127605748b66a42": "Oct 2024",
    }
    assert catalog["000_bfb60d14f6019173"]["date"].inferred
    assert not catalog["003_c11f4f72208e9254"]["date"].inferred


def test_seed_004_facts_and_evidence():
    fields = read_catalog(bundled_seeds())[0]["004_f127605748b66a42"]
    assert fields["outlet"] == "Pulse"
    assert fields["comments_start"] == "Do they mean like with Fire Engines"
    assert fields["address"].startswith("https://www.pulsetoday.co.uk/news/contracts/gp-contracts-must-change")
    assert "slug" in fields["evidence"]["address"]
    assert "author" not in fields


def test_no_catalog_is_no_problem(tmp_path):
    assert read_catalog(tmp_path) == ({}, [])


def test_broken_toml_is_one_warning_with_its_line(tmp_path):
    catalog, problems = write_catalog(tmp_path, '[articles."a"]\noutlet = "GP"\ndate = 2014-02\n')
    assert catalog == {}
    assert len(problems) == 1
    problem = problems[0]
    assert problem.fatal is False
    assert str(problem).startswith(str(tmp_path / "catalog.toml") + ": invalid TOML at line 3: ")


def test_catalog_that_is_not_utf8_is_one_warning(tmp_path):
    (tmp_path / "catalog.toml").write_bytes(b'outlet = "\xff\xfe"\n')
    catalog, problems = read_catalog(tmp_path)
    assert catalog == {} and len(problems) == 1 and "UTF-8" in problems[0].reason


def test_bad_date_is_ignored_with_a_warning_naming_article_and_field(tmp_path):
    catalog, problems = write_catalog(
        tmp_path, '[articles."story"]\noutlet = "Pulse"\ndate = "2014-13"\n'
    )
    assert catalog == {"story": {"outlet": "Pulse"}}
    assert len(problems) == 1
    assert "story" in problems[0].reason and "'date'" in problems[0].reason
    assert problems[0].fatal is False


def test_bad_precision_keeps_the_date_at_its_own_precision(tmp_path):
    catalog, problems = write_catalog(
        tmp_path, '[articles.s]\ndate = "2014-02"\ndate_precision = "fortnight"\n'
    )
    assert catalog["s"]["date"] == PubDate(2014, 2, None, "month")
    assert len(problems) == 1 and "date_precision" in problems[0].reason


def test_toml_date_literal_and_unknown_field(tmp_path):
    catalog, problems = write_catalog(
        tmp_path, "[articles.s]\ndate = 2014-06-04\ndate_inferred = true\nwriter = \"X\"\nauthor = 3\n"
    )
    assert catalog["s"] == {"date": PubDate(2014, 6, 4, "day", inferred=True)}
    reasons = " | ".join(p.reason for p in problems)
    assert "'writer'" in reasons and "'author'" in reasons and len(problems) == 2


def test_front_matter_is_split_and_parsed():
    text = '---\ntitle: "A headline: with colon"\ndate: 2013-05-13\ndate_precision: week\n' \
           "date_inferred: true\nevidence.date: Said 'this week'.\n---\nBody line.\n"
    raw, body = split_front_matter(text)
    assert body == "Body line.\n"
    fields, complaints = validate_fields(raw)
    assert complaints == []
    assert fields["headline"] == "A headline: with colon"
    assert fields["date"] == PubDate(2013, 5, 13, "week", inferred=True)
    assert fields["evidence"] == {"date": "Said 'this week'."}


def test_unclosed_front_matter_is_all_body():
    text = "---\ntitle: x\nBody that never closed the front matter."
    assert split_front_matter(text) == ({}, text)


def test_address_must_be_a_web_address(tmp_path):
    catalog, problems = write_catalog(tmp_path, '[articles.s]\naddress = "pulsetoday/news"\noutlet = "Pulse"\n')
    assert catalog["s"] == {"outlet": "Pulse"}
    assert len(problems) == 1 and "'address'" in problems[0].reason
