"""Qt only: the main window, item models over plain rows, the entry editor, review views, dialogs."""
