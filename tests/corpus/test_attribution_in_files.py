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


def test_a_role_without_a_name_is_the_person_who_held_it_that_year(tmp_path):
    (tmp_path / "catalog.toml").write_text(
        '[articles.a]\ndate = "2014-06-04"\n[articles.b]\ndate = "2014-09-01"\n', encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text(
        "Stevens speaks\n\nSimon Stevens, chief executive of NHS England, said: ‘We will change.’\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Vanguards named\n\n‘The models are ready,’ said the chief executive of NHS England.\n",
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    [quote] = corpus.article("b").quotes
    assert quote.speaker == "Simon Stevens"
