"""Colours and fonts derived from the current palette, so light and dark themes both read well.

Every colour the app derives is a function of a palette, computed from the palette in force when it is
used: delegates and table models at paint or data time (tables cache their brushes per palette), and
widgets given a derived palette role (banners, muted labels) through `derive_colors`, which sets those
roles again whenever the palette they inherit changes (a light/dark switch while the app runs).
No style sheets: Qt stops passing palette changes to the widgets under one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from journal.domain.model import Valence

Derivation = Callable[[QPalette], Mapping[QPalette.ColorRole, QColor]]

_VALENCE_HUES = {"negative": 8, "positive": 140, "mixed": 42}  # by Valence value


def mix(first: QColor, second: QColor, share_of_second: float) -> QColor:
    """A colour between two others (0 gives the first, 1 the second); the one blend the app uses."""
    keep = 1.0 - share_of_second
    return QColor.fromRgbF(first.redF() * keep + second.redF() * share_of_second,
                           first.greenF() * keep + second.greenF() * share_of_second,
                           first.blueF() * keep + second.blueF() * share_of_second)


def is_dark(palette: QPalette) -> bool:
    """Whether the palette is a dark theme."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def muted(palette: QPalette) -> QColor:
    """Secondary text: between the text and the background."""
    return mix(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.42)


def valence_color(palette: QPalette, valence: Valence) -> QColor:
    """A calm mark for a valence, lighter on dark themes."""
    lightness = 165 if is_dark(palette) else 120
    return QColor.fromHsl(_VALENCE_HUES[str(valence)], 120, lightness)


def soft_highlight(palette: QPalette) -> QColor:
    """A faint tint of the highlight colour for banners and badges."""
    return mix(palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Highlight), 0.14)


def badge_fill(palette: QPalette) -> QColor:
    """The pill behind a small badge ("root cause"): a stronger tint than `soft_highlight`."""
    return mix(palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Highlight), 0.25)


def banner_colors(palette: QPalette) -> dict[QPalette.ColorRole, QColor]:
    """The roles a banner changes: its background becomes the soft highlight."""
    return {QPalette.ColorRole.Window: soft_highlight(palette)}


def muted_colors(palette: QPalette) -> dict[QPalette.ColorRole, QColor]:
    """The roles a muted label changes: its text becomes the muted colour."""
    colour = muted(palette)
    return {QPalette.ColorRole.WindowText: colour, QPalette.ColorRole.Text: colour}


class DerivedColors(QObject):
    """Keeps palette roles derived from the palette a widget inherits (from its parent, or the app's),
    setting them again whenever that palette changes: a theme switch reaches every widget as a
    PaletteChange, after its parent's palette has changed.

    The derived roles are the only ones set on the widget; all others follow the inherited palette.
    """

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._derivations: list[Derivation] = []
        widget.installEventFilter(self)

    @classmethod
    def of(cls, widget: QWidget) -> DerivedColors:
        """The widget's keeper of derived colours (made on first use)."""
        keeper = widget.findChild(cls, options=Qt.FindChildOption.FindDirectChildrenOnly)
        return keeper if keeper is not None else cls(widget)

    def add(self, derive: Derivation) -> None:
        """Derive more roles, now and after every palette change."""
        self._derivations.append(derive)
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:
            self.apply()
        return False

    def apply(self) -> None:
        """Set the derived roles from the inherited palette (nothing to do when they already match)."""
        wanted: dict[QPalette.ColorRole, QColor] = {}
        inherited = inherited_palette(self._widget)
        for derive in self._derivations:
            wanted.update(derive(inherited))
        current = self._widget.palette()
        if all(current.color(role) == colour for role, colour in wanted.items()):
            return  # also ends the PaletteChange that setPalette below sends
        palette = QPalette()
        for role, colour in wanted.items():
            palette.setColor(role, colour)
        self._widget.setPalette(palette)  # resolved by Qt against the inherited palette


def inherited_palette(widget: QWidget) -> QPalette:
    """The palette a widget would have with no roles of its own: its parent's, or the application's."""
    parent = widget.parentWidget()
    if parent is None or widget.isWindow():
        return QApplication.palette(widget)
    return parent.palette()


def derive_colors(widget: QWidget, derive: Derivation) -> None:
    """Give a widget palette roles derived from the palette it inherits, kept up to date on a theme switch."""
    DerivedColors.of(widget).add(derive)


def make_banner(frame: QFrame) -> None:
    """Give a frame the calm tinted panel look that banners share."""
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setAutoFillBackground(True)
    derive_colors(frame, banner_colors)


def fill_notice_banner(frame: QFrame, icon: QStyle.StandardPixmap, detail: str,
                       buttons: list[QPushButton]) -> QLabel:
    """Lay out a banner that asks for a choice: an icon, a bold heading over a muted detail line, then
    the buttons; returns the heading label for the caller to fill."""
    make_banner(frame)
    picture = QLabel()
    picture.setPixmap(frame.style().standardIcon(icon).pixmap(frame.fontMetrics().height() * 2))
    heading = QLabel()
    heading.setFont(scaled_font(frame.font(), 1.0, bold=True))
    heading.setWordWrap(True)
    under = QLabel(detail)
    make_muted(under)
    under.setWordWrap(True)
    words = QVBoxLayout()
    words.addWidget(heading)
    words.addWidget(under)
    layout = QHBoxLayout(frame)
    layout.addWidget(picture)
    layout.addLayout(words, 1)
    for button in buttons:
        layout.addWidget(button)
    return heading


def scaled_font(base: QFont, factor: float, bold: bool = False) -> QFont:
    """`base` made larger or smaller by `factor` (never a fixed pixel size)."""
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * factor)
    font.setBold(bold)
    return font


def make_muted(widget: QWidget, factor: float = 1.0) -> None:
    """Show a label's text in the muted colour (following theme switches), optionally smaller."""
    derive_colors(widget, muted_colors)
    if factor != 1.0:
        widget.setFont(scaled_font(widget.font(), factor))


def line_height(widget: QWidget, lines: float) -> int:
    """The height of `lines` lines of the widget's font, plus its frame."""
    return int(widget.fontMetrics().lineSpacing() * lines + 2 * widget.fontMetrics().height() * 0.45)


def number(count: int) -> str:
    """A count as the user's locale writes it: 10,000 (en), 10.000 (de), 10000 (C)."""
    return QLocale().toString(count)


def count_of(count: int, one: str, many: str) -> str:
    """"1 entry", "10,000 entries": the count as the user's locale writes it, then the noun."""
    return f"{number(count)} {one if count == 1 else many}"

