"""A dark palette built by hand (as a desktop's dark theme gives one), for theme-switch tests and shots."""

from PySide6.QtGui import QColor, QPalette

Role = QPalette.ColorRole

DARK_COLORS = {
    Role.Window: "#2b2b2b", Role.WindowText: "#e6e6e6", Role.Base: "#1f1f1f", Role.AlternateBase: "#262626",
    Role.Text: "#e6e6e6", Role.Button: "#353535", Role.ButtonText: "#e6e6e6", Role.BrightText: "#ff6b6b",
    Role.Highlight: "#3d7bd9", Role.HighlightedText: "#ffffff", Role.Link: "#6ea8ff",
    Role.ToolTipBase: "#353535", Role.ToolTipText: "#e6e6e6", Role.PlaceholderText: "#8a8a8a",
    Role.Light: "#4a4a4a", Role.Midlight: "#3e3e3e", Role.Mid: "#2f2f2f", Role.Dark: "#1a1a1a",
    Role.Shadow: "#0d0d0d",
}
DISABLED_TEXT = "#7a7a7a"


def dark_palette() -> QPalette:
    """Light text on dark grey, a blue highlight; disabled text a dimmer grey."""
    palette = QPalette()
    for role, color in DARK_COLORS.items():
        palette.setColor(role, QColor(color))
    for role in (Role.Text, Role.WindowText, Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED_TEXT))
    return palette
