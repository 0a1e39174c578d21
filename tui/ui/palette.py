"""jobtui's actions in the command palette (ctrl+p), next to Textual's own: the names
and lines come from the action registry (:mod:`tui.ui.actions`)."""

from __future__ import annotations

from collections.abc import Awaitable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.ui.actions import PALETTE

# (name, action, help) for every palette command, in the palette's order.
COMMANDS: tuple[tuple[str, str, str], ...] = tuple(
    (action.title, action.action, action.help) for action in PALETTE)


class JobCommands(Provider):
    def _run(self, action: str) -> Awaitable[bool]:
        # The main screen's actions, run on the main screen (the bottom of the stack):
        # the palette is a screen of its own, on top of it.
        return self.app.run_action(action, self.app.screen_stack[0])

    async def discover(self) -> Hits:
        for name, action, help_text in COMMANDS:
            yield DiscoveryHit(name, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._run, action),
                          help=help_text)
