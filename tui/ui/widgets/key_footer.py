"""The footer: Textual's, except that no key is ever cut and "? Help" is always shown.

Textual's footer lays its keys out in one row and clips the row at the screen's
edge: at 80 columns "c Cop" was the last thing shown and "? Help" was off the
screen. Here the help key goes last, and the keys before it that do not fit
whole are hidden (they are all in the help screen and the command palette).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

HELP_ACTION = "help"


class KeyFooter(Footer):
    def compose(self) -> ComposeResult:
        help_keys: list[Widget] = []
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.action == HELP_ACTION:
                help_keys.append(widget)
            else:
                yield widget
        yield from help_keys
        self.call_after_refresh(self._fit)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """Show the keys, in order, that fit whole beside the help key and the palette's."""
        keys = [key for key in self.query_children(FooterKey)
                if not key.has_class("-command-palette")]
        if not keys:
            return
        docked = sum(key.outer_size.width for key in self.query_children(FooterKey)
                     if key.has_class("-command-palette") and key.display)
        room = self.size.width - docked
        widths = [self._width_of(key) for key in keys]
        helps = [w for key, w in zip(keys, widths, strict=True) if key.action == HELP_ACTION]
        room -= sum(helps)
        for key, width in zip(keys, widths, strict=True):
            if key.action == HELP_ACTION:
                continue
            fits = width <= room
            room -= width if fits else 0
            if not fits:
                room = -1  # keep the order: nothing after a key that did not fit
            key.display = fits

    @staticmethod
    def _width_of(key: FooterKey) -> int:
        """The key's cells with its margins, measured while it was shown."""
        if key.display and key.outer_size.width:
            key._fitted_width = key.outer_size.width + key.styles.margin.width  # type: ignore[attr-defined]
        return getattr(key, "_fitted_width", 0)
