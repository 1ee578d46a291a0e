"""gpreader clippings: the quotes saved in the reader, as Markdown or JSON."""

from __future__ import annotations

import json

from cli_fake_corpus import STEVENS_1, fake_corpus

from gpreader.cli import main
from gpreader.clippings import Clipping, ClippingStore


def _save_stevens(tmp_path) -> None:
    corpus = fake_corpus(tmp_path)
    article = corpus.article("003_hospitals")
    quote = next(q for q in article.quotes if q.text == STEVENS_1)
    ClippingStore().add(Clipping.from_quote(quote, article, corpus.speakers["Simon Stevens"]))


def test_clippings_json_lists_saved_quotes(data_dir, tmp_path, capsys):
    _save_stevens(tmp_path)
    assert main(["clippings", "--format", "json"]) == 0
    captured = capsys.readouterr()
    rows = json.loads(captured.out)
    assert len(rows) == 1
    assert rows[0]["text"] == STEVENS_1 and rows[0]["speaker"] == "Simon Stevens"
    assert rows[0]["article_id"] == "003_hospitals" and rows[0]["paragraph"] == 3
    assert captured.err == ""


def test_clippings_markdown_is_the_default(data_dir, tmp_path, capsys):
    _save_stevens(tmp_path)
    assert main(["clippings"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# gpreader clippings")
    assert f"> ‘{STEVENS_1}’" in out
    assert "Simon Stevens" in out and "The BMJ, 3 Oct 2014" in out


def test_no_clippings_yet_is_fine(data_dir, capsys):
    assert main(["clippings", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_a_damaged_clippings_file_is_one_warning_and_still_exit_0(data_dir, capsys):
    data_dir.mkdir(parents=True)
    (data_dir / "clippings.json").write_text("{ not json", encoding="utf-8")
    assert main(["clippings", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    warnings = captured.err.splitlines()
    assert len(warnings) == 1
    assert warnings[0].startswith("gpreader: warning: ") and "clippings.json" in warnings[0]
