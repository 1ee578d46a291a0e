"""A speaker's page: who they are, and every quotation of theirs in date order."""

from __future__ import annotations

from pathlib import Path

from textual.color import Color
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from gpreader import keys
from gpreader.corpus.model import Article, Corpus, Speaker
from gpreader.counts import plural
from gpreader.quotations import Quotation, speaker_quotations
from gpreader.safe_text import one_line, printable
from gpreader.speaker_colours import colour_for
from gpreader.widgets.key_hints import KeyHints
from gpreader.widgets.title_bar import TitleBar

SEPARATOR = " · "


def speaker_head(speaker: Speaker, count: int, colour: str) -> Content:
    """Name, then each role with where and when it was given, then aliases."""
    name = Content.styled(one_line(speaker.display_name), Style(foreground=Color.parse(colour), bold=True))
    lines = [Content(" ").join([name, Content.styled(plural(count, "quotation"), "dim")])]
    shown: set[str] = set()
    for role in reversed(speaker.roles):
        when = f" ({role.date.display()})" if role.date else ""
        line = one_line(f"{role.text}{when}")
        if line not in shown:  # a role given in several undated articles: one line, not one each
            shown.add(line)
            lines.append(Content.styled(line, "italic"))
    if speaker.aliases:
        lines.append(Content.styled(one_line("Also named: " + ", ".join(sorted(speaker.aliases))), "dim"))
    return Content("\n").join(lines)


def quotation_content(article: Article, quotation: Quotation, colour: str) -> Content:
    """`date · outlet · headline` above the quotation's exact words."""
    source = [article.date.display() if article.date else "undated"]
    if article.outlet:
        source.append(article.outlet)
    source.append(article.headline)
    words = Content.styled(printable(f"‘{quotation.text}’"), Style(foreground=Color.parse(colour)))
    return Content("\n").join([Content.styled(one_line(SEPARATOR.join(source)), "dim"), words])


class QuoteOptions(OptionList):
    BINDINGS = keys.QUOTE_OPTIONS


class SpeakerPage(Screen[tuple | None]):
    """Dismissed with the key of the quotation to open, or None to go back."""

    CSS_PATH = Path(__file__).parent / "speaker_page.tcss"
    BINDINGS = keys.SPEAKER_PAGE

    @property
    def active_bindings(self):  # the footer's order: most useful keys first
        return keys.footer_order(super().active_bindings)

    def __init__(self, corpus: Corpus, name: str) -> None:
        super().__init__()
        self.corpus = corpus
        self.speaker = corpus.speakers.get(name) or Speaker(name)
        self.found = speaker_quotations(corpus, name)

    def compose(self):
        yield TitleBar()
        dark = self.app.current_theme.dark
        colour = colour_for(self.speaker.name, dark)
        yield Static(speaker_head(self.speaker, len(self.found), colour), id="speaker-head")
        options: list[Option | None] = []
        for i, (article, quotation) in enumerate(self.found):
            options += [Option(quotation_content(article, quotation, colour), id=str(i)), None]
        yield QuoteOptions(*options[:-1], id="speaker-quotes")
        if not self.found:
            yield Static(Content("No quotations of this speaker in the corpus."), classes="empty")
        yield KeyHints()

    def on_mount(self) -> None:
        self.sub_title = one_line(self.speaker.display_name)
        self.query_one(QuoteOptions).focus()

    @property
    def current(self) -> tuple[Article, Quotation] | None:
        option = self.query_one(QuoteOptions).highlighted_option
        return self.found[int(option.id)] if option and option.id else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.found[int(event.option.id)][1].key)

    def action_step(self, direction: int) -> None:
        options = self.query_one(QuoteOptions)
        if direction > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_copy_quote(self) -> None:
        if self.current is not None:
            self.app.quote_out.copy(*self.current)

    def action_clip_quote(self) -> None:
        if self.current is not None:
            self.app.quote_out.clip(*self.current)

    def action_back(self) -> None:
        self.dismiss(None)
