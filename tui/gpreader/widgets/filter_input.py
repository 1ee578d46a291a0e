"""The sidebar's filter box, imported when it is first opened (``/``): until then the
sidebar shows its prompt (``FilterPrompt``), and the first frame does without this class."""

from __future__ import annotations

from textual.widgets import Input

from gpreader import keys
from gpreader.widgets.article_list import FILTER_ID, FILTER_PROMPT, ArticleList


class FilterInput(Input):
    """The filter box: escape clears it, down moves to the list."""

    BINDINGS = keys.FILTER_INPUT

    def __init__(self) -> None:
        super().__init__(placeholder=FILTER_PROMPT, id=FILTER_ID)

    def action_clear(self) -> None:
        self.value = ""
        self.post_message(ArticleList.Leave())

    def action_to_list(self) -> None:
        self.post_message(ArticleList.Leave())
