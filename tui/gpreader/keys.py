"""Every key binding of the app, in one place: screens use these lists as their BINDINGS
and the help screen is generated from them, so the two cannot drift apart."""

from __future__ import annotations

from textual.binding import Binding



def key(keys: str, action: str, short: str, long: str, shown: str | None = None, **kw) -> Binding:
    """A binding with a short footer label and a longer description for the help screen."""
    return Binding(keys, action, short, tooltip=long, key_display=shown, **kw)


APP = [
    key("s", "jump_to_speaker", "speaker", "Jump to a speaker (fuzzy finder)"),
    key("e", "export_clippings", "export", "Export the clippings as Markdown"),
    key("t", "cycle_theme", "theme", "Next theme: dark, light, ansi (remembered)", show=False),
    key("question_mark,f1", "show_keys", "help", "Show this help", "?"),
    key("q", "quit", "quit", "Quit gpreader"),
]

MAIN_SCREEN = [
    key("n", "next_quote", "quote", "Select the next quote and scroll to it", "n/N"),
    key("N", "previous_quote", "previous quote", "Select the previous quote and scroll to it", show=False),
    key("c,y", "copy_quote", "copy", "Copy the selected quote with its citation", "c"),
    key("a", "clip_quote", "clip", "Add the selected quote to the clippings"),
    key("left_square_bracket", "previous_article", "article", "Open the previous article", "[/]"),
    key("right_square_bracket", "next_article", "next article", "Open the next article", show=False),
    key("v", "compare", "compare", "Compare proposals by theme and year"),
    key("ctrl+f", "search_text", "search text", "Search the text of every article", show=False),
    key("tab", "app.focus_next", "pane", "Move focus to the next pane"),
    key("shift+tab", "app.focus_previous", "previous pane", "Move focus to the previous pane", show=False),
    key("escape", "back", "back", "Back to the article list"),
    key("backslash", "toggle_sidebar", "sidebar", "Hide or show the article list", "\\"),
]

ARTICLE_LIST = [
    key("slash", "filter", "filter", "Filter the articles as you type"),
]

ARTICLE_OPTIONS = [
    key("j,down", "cursor_down", "move", "Next article", "j/k"),
    key("k,up", "cursor_up", "up", "Previous article", show=False),
    key("g,home", "first", "first/last", "First article", "g/G"),
    key("G,end", "last", "last", "Last article", show=False),
    key("enter", "select", "open", "Open the article in the reading pane"),
]

FILTER_INPUT = [
    key("escape", "clear", "clear", "Clear the filter and go back to the list"),
    key("down", "to_list", "to list", "Go to the list, keeping the filter", show=False),
]

READING_PANE = [
    key("j,down", "scroll_down", "scroll", "Scroll down a line", "j/k"),
    key("k,up", "scroll_up", "up", "Scroll up a line", show=False),
    key("g,home", "scroll_home", "top/bottom", "Go to the top of the article", "g/G"),
    key("G,end", "scroll_end", "bottom", "Go to the bottom of the article", show=False),
    key("space,pagedown", "page_down", "page", "Page down", "space/b"),
    key("b,pageup", "page_up", "page up", "Page up", show=False),
]

SPEAKER_FINDER = [
    key("escape", "close", "close", "Close the finder"),
    key("down", "move(1)", "move", "Next speaker", "↓/↑"),
    key("up", "move(-1)", "up", "Previous speaker", show=False),
    key("enter", "open", "open", "Open the speaker's page"),
]

SPEAKER_PAGE = [
    key("escape", "back", "back", "Back to the previous screen"),
    key("n", "step(1)", "quote", "Highlight the next quote", "n/N"),
    key("N", "step(-1)", "previous quote", "Highlight the previous quote", show=False),
    key("c,y", "copy_quote", "copy", "Copy the highlighted quote with its citation", "c"),
    key("a", "clip_quote", "clip", "Add the highlighted quote to the clippings"),
]

QUOTE_OPTIONS = [
    key("j,down", "cursor_down", "move", "Next quote", "j/k"),
    key("k,up", "cursor_up", "up", "Previous quote", show=False),
    key("g,home", "first", "first/last", "First quote", "g/G"),
    key("G,end", "last", "last", "Last quote", show=False),
    key("enter", "select", "open", "Open the article at this quote"),
]

COMPARE_SCREEN = [
    key("enter", "open_source", "open", "Open the article at this proposal (the sentence underlined)"),
    key("c,y", "copy_proposal", "copy", "Copy the whole proposal with its citation", "c"),
    key("t", "filter_theme", "theme", "Show one theme, or all themes"),
    key("1,2,3,4,5,6,7,8,9", "toggle_year", "year", "Show or hide the 1st ... 9th year of the corpus", "1-9"),
    key("p", "pick_years", "years", "Choose the years to compare"),
    key("escape,v", "back", "back", "Back to the reader", "esc"),
]

COMPARE_GRID = [
    key("j,down", "move_item(1)", "move", "Next proposal; after the last, the next theme", "↑↓←→"),
    key("k,up", "move_item(-1)", "up", "Previous proposal", show=False),
    key("l,right", "move_column(1)", "next year", "Same theme, next year", show=False),
    key("h,left", "move_column(-1)", "previous year", "Same theme, previous year", show=False),
    key("pagedown", "move_row(1)", "next theme", "Next theme", show=False),
    key("pageup", "move_row(-1)", "previous theme", "Previous theme", show=False),
    key("g,home", "first_row", "first", "First theme", show=False),
    key("G,end", "last_row", "last", "Last theme", show=False),
]

YEAR_LIST = [
    key("j,down", "cursor_down", "move", "Next year", "j/k"),
    key("k,up", "cursor_up", "up", "Previous year", show=False),
    key("space", "select", "tick", "Tick or untick the highlighted year"),
    key("enter", "screen.apply", "apply", "Compare the ticked years"),
]

YEAR_PICKER = [
    key("1,2,3,4,5,6,7,8,9", "toggle_nth", "tick", "Tick or untick the 1st ... 9th year", "1-9"),
    key("a", "all", "all", "Tick every year"),
    key("escape", "cancel", "cancel", "Close, keeping the years as they were"),
]

SEARCH_SCREEN = [
    key("escape", "close", "close", "Close the search"),
    key("down", "move(1)", "move", "Next match", "↓/↑"),
    key("up", "move(-1)", "up", "Previous match", show=False),
    key("enter", "open", "open", "Open the article at this match (the sentence underlined)"),
]

THEME_OPTIONS = [
    key("j,down", "cursor_down", "move", "Next theme", "j/k"),
    key("k,up", "cursor_up", "up", "Previous theme", show=False),
    key("enter", "select", "show", "Show this theme (or all themes)"),
]

THEME_PICKER = [
    key("escape", "cancel", "cancel", "Close, keeping the theme as it was"),
]

HELP_SCREEN = [
    key("escape,question_mark,f1", "close", "close", "Close the help", "esc"),
    key("j,down", "scroll_down", "scroll", "Scroll down", "j/k"),
    key("k,up", "scroll_up", "up", "Scroll up", show=False),
]

HELP_SECTIONS: list[tuple[str, list[Binding]]] = [
    ("Everywhere", APP),
    ("Main screen", MAIN_SCREEN),
    ("Article list (sidebar)", ARTICLE_LIST + ARTICLE_OPTIONS),
    ("Filter box", FILTER_INPUT),
    ("Reading pane", READING_PANE),
    ("Jump to speaker", SPEAKER_FINDER),
    ("Search the text", SEARCH_SCREEN),
    ("Speaker page", SPEAKER_PAGE + QUOTE_OPTIONS),
    ("Compare view", COMPARE_GRID + COMPARE_SCREEN),
    ("Compare: choose years", YEAR_LIST + YEAR_PICKER),
    ("Compare: choose a theme", THEME_OPTIONS + THEME_PICKER),
    ("Help", HELP_SCREEN),
]

MOUSE_NOTES = [
    ("click", "select an article, a speaker or a quote"),
    ("wheel", "scroll"),
    ("drag", "select text in the reading pane; ctrl+c copies it"),
    ("ctrl+p", "command palette: speakers, theme, quit"),
]


def help_rows(section: list[Binding], key_display) -> list[tuple[str, str]]:
    """(keys, description) rows of a section; the keys of one action are shown together.

    *key_display* formats a single-key Binding (App.get_key_display).
    """
    rows: dict[str, tuple[list[str], str]] = {}
    for binding in Binding.make_bindings(section):
        keys, description = rows.setdefault(binding.action, ([], binding.tooltip or binding.description))
        shown = key_display(Binding(binding.key, binding.action))
        if shown not in keys:
            keys.append(shown)
    return [(" ".join(keys), description) for keys, description in rows.values()]


# The footer shows the most useful keys first; whatever does not fit is in the help.
FOOTER_ORDER = [
    "next_quote", "step", "copy_quote", "clip_quote", "move_item", "open_source", "copy_proposal",
    "filter_theme", "toggle_year", "pick_years", "jump_to_speaker", "next_article", "previous_article",
    "show_keys", "quit", "cursor_down", "scroll_down", "select", "page_down", "filter",
    "first", "scroll_home", "export_clippings", "compare", "search_text", "back", "clear", "app.focus_next", "toggle_sidebar",
]


def footer_order(active: dict) -> dict:
    """*active* (Screen.active_bindings) reordered by FOOTER_ORDER; others keep their place after."""
    rank = {action: i for i, action in enumerate(FOOTER_ORDER)}
    items = list(active.items())
    items.sort(key=lambda item: rank.get(item[1].binding.action.split("(")[0], len(rank)))
    return dict(items)
