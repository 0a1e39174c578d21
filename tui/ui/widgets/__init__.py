"""Widgets: each posts what happened; the main screen decides what it means."""
