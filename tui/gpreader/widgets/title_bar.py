"""The title line at the top of each screen: "gpreader — 5 articles · 87 speakers · …".

Textual's ``Header`` draws this line with four widgets (itself, an icon, the title, the
clock's place), each styled, laid out and drawn on its own: on the main screen that was
an eighth of the work before the first frame. This is one widget drawing the same line:
the icon at the left (a click opens the command palette, as the Header's does), the title
and sub-title centred between the icon's column and the clock's empty place.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

ICON = "⭘"
ICON_CELLS = 8  # the Header's icon column: a space, the icon, padding
CLOCK_CELLS = 10  # the Header's place for a clock (none is shown)


class TitleBar(Widget, can_focus=False):
    """The app's title and the sub-title (the screen's own, if it has them)."""

    ALLOW_SELECT = False

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._title_changed, init=False)
            self.watch(node, "sub_title", self._title_changed, init=False)

    def _title_changed(self) -> None:
        self.refresh()

    def render(self) -> Content:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        middle = max(0, self.size.width - ICON_CELLS - CLOCK_CELLS)
        text = app.format_title(title, sub_title).truncate(middle, ellipsis=True)
        left = (middle - text.cell_length) // 2
        return Content.assemble(
            f" {ICON}".ljust(ICON_CELLS), text.pad(left, middle - text.cell_length - left), " " * CLOCK_CELLS
        )

    async def on_click(self, event: events.Click) -> None:
        if event.x < ICON_CELLS:
            event.stop()
            await self.run_action("app.command_palette")
