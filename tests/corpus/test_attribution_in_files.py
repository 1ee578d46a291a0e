"""Attribution through the whole loader: site furniture between the parts of a quote."""

from gpreader.corpus import load_corpus


def test_quote_interrupted_by_a_most_read_line_continues_with_its_speaker(tmp_path):
    (tmp_path / "a.txt").write_text(
        "GPs warn of winter crisis\n\n"
        "Dr Jane Moss, chair of Leeds LMC, said: ‘Practices are full.\n\n"
        "MOST READ\n\n"
        "‘We cannot take any more patients this winter.’\n\n"
        "The meeting closed at noon.\n",
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    [article] = corpus.articles
    assert "MOST READ" not in article.paragraphs
    assert [(q.text, q.speaker, q.part) for q in article.quotes] == [
        ("Practices are full.", "Jane Moss", 0),
        ("We cannot take any more patients this winter.", "Jane Moss", 1),
    ]


def test_reader_comments_are_never_attributed_to_the_article_speakers():
    from gpreader.resources import bundled_seeds

    article = load_corpus(bundled_seeds()).article("004_f127605748b66a42")
    assert article is not None and article.comments
    assert all(q.paragraph < len(article.paragraphs) for q in article.quotes)
    assert not any("change" == q.text for q in article.quotes)
