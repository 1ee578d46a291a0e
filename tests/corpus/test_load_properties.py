"""Property tests through load_corpus: files holding controls, escape sequences, bidi marks,
markup and stray quotation marks load without raising, quickly, with exact quote spans and
no control character left in the text."""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gpreader.corpus import load_corpus

HOSTILE = ["\x1b[31m", "\x1b]52;c;ZXZpbA==\x07", "\x1b]8;;https://x.y\x1b\\", "\x9b", "\x7f", "\r", "\x08",
           "\u202e", "\u2066", "\u200b", "\ufeff", "[bold]", "[/]", "[@click=app.quit]", "[", "中文", "😀"]
WORDS = ["Dr Jane Smith", "said", "said:", "he said.", "told", "‘", "’", "“", "”", "'", '"', "GPs’", ",", ".", "\n\n"]
piece = st.one_of(st.sampled_from(HOSTILE), st.sampled_from(WORDS), st.text(max_size=4))
article_text = st.lists(piece, min_size=1, max_size=80).map(lambda bits: "Headline\n\n" + " ".join(bits))
# C0 (but tab and newline) and C1 controls: the loader removes them from article text.
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SECONDS_PER_FILE = 5.0  # generous: loading takes milliseconds; this catches runaway work


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article_text, min_size=1, max_size=3), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_hostile_files_load_with_exact_spans_and_no_controls(texts, encoding):
    with tempfile.TemporaryDirectory() as folder:
        for n, text in enumerate(texts):
            Path(folder, f"{n}_\x1b[2J.txt").write_bytes(text.encode(encoding, "surrogatepass"))
        started = time.monotonic()
        corpus = load_corpus(folder)
        assert time.monotonic() - started < SECONDS_PER_FILE * len(texts)
    assert len(corpus.articles) + sum(p.fatal for p in corpus.problems) == len(texts)  # article or skipped
    for article in corpus.articles:
        for paragraph in article.paragraphs + article.comments:
            assert not CONTROLS.search(paragraph), repr(paragraph)
        for quote in article.quotes:
            par = article.paragraphs[quote.paragraph]
            assert 0 <= quote.start < quote.end <= len(par)
            assert par[quote.start : quote.end] == quote.text
