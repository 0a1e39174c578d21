"""A terminal that goes away ends jobtui, even when the app cannot close by itself."""

from __future__ import annotations

import threading

from tui.terminal_watch import TerminalWatch


def test_a_wedged_app_is_ended_after_the_grace_period_once_the_terminal_has_gone() -> None:
    asked, ended = threading.Event(), threading.Event()
    codes: list[int] = []

    def wedged_quit() -> None:  # what a shutdown stuck on a dead terminal looks like
        asked.set()
        ended.wait(5)

    def hard_exit(code: int) -> None:
        codes.append(code)
        ended.set()

    # fd -1 is no terminal at all (EBADF): the watch takes it for a terminal gone.
    with TerminalWatch(wedged_quit, fd=-1, interval=0.01, grace=0.05, hard_exit=hard_exit):
        assert asked.wait(5), "the app was not asked to quit"
        assert ended.wait(5), "the process was left running"
    assert codes == [0]


def test_an_app_that_ends_in_time_is_not_cut_short() -> None:
    asked = threading.Event()
    codes: list[int] = []
    with TerminalWatch(asked.set, fd=-1, interval=0.01, grace=0.2, hard_exit=codes.append):
        assert asked.wait(5)
    # Leaving the block is the app ending: the deadline is cancelled, nothing fires.
    assert not threading.Event().wait(0.4) and codes == []
