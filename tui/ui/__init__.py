"""The Textual side: the app (:mod:`tui.ui.app`), its screens and widgets. It reaches the
data through :class:`tui.library.Library` and the model types only."""
