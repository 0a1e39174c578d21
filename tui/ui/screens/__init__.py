"""Screens: the main view and the modal dialogs over it."""
