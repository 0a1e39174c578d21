"""The footer: Textual's, except that no key is ever cut and "? Help" is always shown.

Textual's footer lays its keys out in one row and clips the row at the screen's
edge: at 80 columns "c Cop" was the last thing shown and "? Help" was off the
screen. Here the help key goes last, and the keys before it that do not fit
whole are left out (they are all in the help screen and the command palette).
"""

from __future__ import annotations

from collections.abc import Hashable

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

HELP_ACTION = "help"
# A key's cells beyond its key and its word: Textual's padding around the key (1 + 1)
# and after the word (1); the palette's key, docked right, adds a border and a pad.
KEY_EXTRA = 3
PALETTE_EXTRA = 2


def key_width(key: FooterKey) -> int:
    """Worked out, not measured: the keys are chosen before they are mounted (hiding
    them after layout cost a second restyle on every move of the cursor)."""
    extra = KEY_EXTRA + (PALETTE_EXTRA if key.has_class("-command-palette") else 0)
    return cell_len(key.key_display) + cell_len(key.description) + extra


class KeyFooter(Footer):
    """Composed again only when what it shows would change. Textual's footer composes
    anew on every bindings refresh and every resize, each one scheduled on its own:
    four times in a warm start, ~0.06 s of CPU each (10 keys mounted and styled),
    between the first frame and the list filled, for the same keys every time."""

    _shown: Hashable = None  # _keys_shown() as last composed
    _pending = False  # a compose is scheduled

    def _keys_shown(self) -> Hashable:
        """Everything compose() reads: the width and each shown binding as displayed."""
        if not self._bindings_ready:
            return None
        palette = self.app.COMMAND_PALETTE_BINDING
        return (self.size.width or self.app.size.width, self.show_command_palette, tuple(
            (key, self.app.get_key_display(binding), binding.description,
             binding.action, binding.group, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette))

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._compose_if_changed()

    def on_resize(self, event: object) -> None:
        if self._bindings_ready:
            self._compose_if_changed()

    def _compose_if_changed(self) -> None:
        if not self._pending:
            self._pending = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        shown = self._keys_shown()
        if shown != self._shown and not self._dim_in_place(shown):
            await self.recompose()

    def _dim_in_place(self, shown: Hashable) -> bool:
        """When only which keys are enabled has changed (a posting is highlighted, or
        none is), each key is dimmed or lit where it is, as a new FooterKey would start
        (see below), and True is returned. Composing the
        footer again replaced ~15 keys, each mounted and styled, in the frame that
        shows the list filled."""
        old = self._shown
        if not (isinstance(old, tuple) and isinstance(shown, tuple)) or old[:2] != shown[:2]:
            return False
        if len(old[2]) != len(shown[2]) or any(
                was[:5] + was[6:] != now[:5] + now[6:]  # all but "enabled"
                for was, now in zip(old[2], shown[2], strict=True)):
            return False
        enabled = {(display, action): on
                   for _key, display, _text, action, _group, on, _tip in shown[2]}
        for key in self.query(FooterKey):
            on = enabled.get((key.key_display, key.action), True)
            # FooterKey keeps its state in _disabled (a click on a dimmed key only
            # rings the bell) and the -disabled class (the dimming), not in Widget's
            # disabled; both set as its constructor sets them.
            if key._disabled == on:
                key._disabled = not on
                key.set_class(not on, "-disabled")
        self._shown = shown
        return True

    def compose(self) -> ComposeResult:
        self._shown = self._keys_shown()
        widgets = list(super().compose())
        keys = [w for w in widgets if isinstance(w, FooterKey)]
        for key in keys:
            # A FooterKey starts compact and is then bound to the footer's (not compact):
            # two restyles of every key as it mounts. Started as it will be, none. (The
            # palette's key is not bound: it stays compact, as Textual draws it.)
            if not key.has_class("-command-palette"):
                key.set_reactive(FooterKey.compact, self.compact)
        helps = [key for key in keys if key.action == HELP_ACTION]
        width = self.size.width or self.app.size.width
        room = width - sum(key_width(key) for key in keys
                           if key in helps or key.has_class("-command-palette"))
        full = False
        for widget in widgets:
            if widget in helps:
                continue
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                full = full or key_width(widget) > room  # in order: none after a cut
                if full:
                    continue
                room -= key_width(widget)
            yield widget
        yield from helps


