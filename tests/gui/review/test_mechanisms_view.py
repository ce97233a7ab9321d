"""The Mechanisms view: counts, the recurred-after-fix call-out, rename, merge with preview, look-alikes."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from journal.store import review_queries as queries
from journal.ui.review import palette
from journal.ui.review.mechanisms_view import RECURRED_COLUMN, MechanismsView
from journal.ui.review.merge_dialog import MergeMechanismsDialog
from journal.ui.review.models import ROW_ROLE
from journal.ui.review.rename_dialog import RenameMechanismDialog

MANUAL = "Manual step with no checklist"
SCREENS = "Screens in the bedroom at night"
CALENDAR = "No shared calendar at home"


def table(view: MechanismsView) -> list[tuple[str, ...]]:
    """The table as the user sees it: every cell's text, in the view's order."""
    model = view.model
    return [tuple(model.index(row, column).data() for column in range(model.columnCount()))
            for row in range(model.rowCount())]


def test_the_table_shows_counts_and_calls_out_returns(sample, shown, qtmodeltester):
    view = shown(MechanismsView(sample))
    qtmodeltester.check(view.model)
    rows = {row[0]: row for row in table(view)}
    assert rows[MANUAL] == (MANUAL, "3", "2026-11-14", "2", "⚠ back 1× since the fix of 8 Jul 2026")
    assert rows["Pitch not tested with a real customer first"][4] == "not back since 3 Nov 2026"
    assert rows["Deploys allowed during low coverage"][1:] == ("2", "2026-11-26", "1", "")
    returned = {name for name, row in rows.items() if row[4].startswith("⚠")}
    assert returned == {MANUAL, "Bulk operations have no guardrail", "No alarm on rate of change", SCREENS}
    assert table(view)[0][0] == MANUAL  # most entries first


def test_returns_are_highlighted_from_the_palette(sample, shown):
    view = shown(MechanismsView(sample))
    for row in range(view.model.rowCount()):
        mechanism = view.model.index(row, 0).data(ROW_ROLE)
        background = view.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole)
        font = view.model.index(row, RECURRED_COLUMN).data(Qt.ItemDataRole.FontRole)
        if mechanism.recurred_after_fix:
            assert background == palette.warning_background(view.palette())
            assert font.bold()
        else:
            assert background is None and font is None
    tip = view.model.index(0, RECURRED_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == ("An action for this mechanism was marked done on 2026-07-08, yet it appeared again in "
                   "entries of 2026-11-14. The fix may not have worked.")


def test_selecting_a_mechanism_lists_its_entries(sample, shown, qtbot):
    view = shown(MechanismsView(sample))
    view.select([SCREENS])
    assert [view.entries.row_at(r).title for r in range(view.entries.rowCount())] == [
        "Phone in the bedroom again, slept badly", "The kid stayed up until 23:10 on a school night"]
    assert view.entries_box.title() == f"Entries with “{SCREENS}”"
    with qtbot.waitSignal(view.entry_requested) as signal:
        view.entries_view.activated.emit(view.entries.index(0, 0))
    assert signal.args == ["9b8a7c6d-5e4f-4a3b-9c2d-3e1f0a9b8c06"]


def test_the_filter_box_narrows_the_table(sample, shown):
    view = shown(MechanismsView(sample))
    view.search.setText("BEDROOM")
    assert [row[0] for row in table(view)] == [SCREENS]


def test_rename_keeps_the_counts(sample, shown, monkeypatch, settle):
    view = shown(MechanismsView(sample))
    view.select([MANUAL])
    asked = []
    monkeypatch.setattr(RenameMechanismDialog, "ask", classmethod(
        lambda cls, parent, name, others: asked.append((name, sorted(others))) or "Steps done from memory"))
    view.rename_button.click()
    settle(view)
    assert asked[0][0] == MANUAL and MANUAL not in asked[0][1] and len(asked[0][1]) == 6
    rows = {row[0]: row for row in table(view)}
    assert rows["Steps done from memory"][1:4] == ("3", "2026-11-14", "2") and MANUAL not in rows
    assert view.selected_names() == ["Steps done from memory"]
    assert view.status.text() == f"Renamed “{MANUAL}” to “Steps done from memory”."


def test_a_rename_the_journal_refuses_is_explained(sample, shown, monkeypatch, settle):
    view = shown(MechanismsView(sample))
    view.select([MANUAL])
    monkeypatch.setattr(RenameMechanismDialog, "ask", classmethod(lambda cls, parent, name, others: SCREENS))
    view.rename_button.click()
    settle(view)
    assert view.status.text() == f"A mechanism named “{SCREENS}” exists already; merge them instead."
    assert len(table(view)) == 7


def test_the_rename_dialog_points_to_merge_for_a_taken_name(qtbot):
    dialog = RenameMechanismDialog(MANUAL, [SCREENS, CALENDAR])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled() and dialog.hint.text() == ""
    dialog.name_edit.setText("  screens IN the bedroom at night ")
    assert not ok.isEnabled()
    assert dialog.hint.text() == f"“{SCREENS}” exists already: use Merge to combine them."
    dialog.name_edit.setText("   ")
    assert not ok.isEnabled() and dialog.hint.text() == "A mechanism needs a name."
    dialog.name_edit.setText("Steps done from memory")
    assert ok.isEnabled() and dialog.hint.text() == ""
    assert dialog.new_name() == "Steps done from memory"


def test_merge_moves_the_links_and_previews_them(sample, shown, monkeypatch, settle):
    view = shown(MechanismsView(sample))
    view.select([SCREENS])
    seen = {}

    def choose(cls, parent, selected, candidates, preview):
        seen["selected"], seen["candidates"] = selected, candidates
        seen["preview"] = preview([SCREENS], CALENDAR).sentence()
        return CALENDAR

    monkeypatch.setattr(MergeMechanismsDialog, "ask", classmethod(choose))
    view.merge_button.click()
    settle(view)
    assert seen["selected"] == [SCREENS]
    assert SCREENS not in seen["candidates"] and len(seen["candidates"]) == 6
    assert seen["preview"] == (f"2 whys in 2 entries will link to “{CALENDAR}”, "
                               "which will then appear in 3 entries.")
    rows = {row[0]: row for row in table(view)}
    assert SCREENS not in rows and rows[CALENDAR][1] == "3"
    # the screens fix (9 Oct) moved along with the links; 14 Nov and 20 Nov came after it
    assert rows[CALENDAR][4] == "⚠ back 2× since the fix of 9 Oct 2026"
    assert view.status.text() == f"Merged “{SCREENS}” into “{CALENDAR}”."


def test_the_merge_dialog_previews_each_target(sample, qtbot):
    preview = lambda sources, target: queries.merge_preview(sample, sources, target)  # noqa: E731
    dialog = MergeMechanismsDialog([SCREENS, CALENDAR], [SCREENS, CALENDAR], preview)
    qtbot.addWidget(dialog)
    assert dialog.preview.text() == (f"2 whys in 2 entries will link to “{SCREENS}”, which will then "
                                     f"appear in 3 entries. “{CALENDAR}” will be removed.")
    dialog.target.setCurrentIndex(1)
    assert dialog.sources() == [SCREENS]
    assert dialog.preview.text().endswith(f"“{SCREENS}” will be removed.")
    dialog.target.setEditText("nothing like it")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_look_alike_names_are_offered_for_merging(sample, shown, monkeypatch, settle):
    entry = sample.create_entry("Lights out late again", date(2026, 11, 28), area="home")
    why = sample.add_why(entry, None, "Why?", "The tablet was by the bed.")
    sample.set_why_mechanisms(why, ["Screens in the bedroom at nite"])
    view = shown(MechanismsView(sample))
    assert [(pair.first, pair.second) for pair in view.duplicates.rows()] == [
        (SCREENS, "Screens in the bedroom at nite")]
    assert view.duplicates_box.title() == "Names that look alike (1)"
    view.duplicates_view.selectRow(0)
    monkeypatch.setattr(MergeMechanismsDialog, "ask", classmethod(
        lambda cls, parent, selected, candidates, preview: SCREENS))
    view.merge_pair_button.click()
    settle(view)
    rows = {row[0]: row for row in table(view)}
    assert rows[SCREENS][1] == "3" and len(rows) == 7
    assert view.duplicates.rows() == [] and view.duplicates_box.title() == "Names that look alike: none"


def test_cancelling_a_merge_changes_nothing(sample, shown, monkeypatch, settle):
    view = shown(MechanismsView(sample))
    view.select([SCREENS, CALENDAR])
    monkeypatch.setattr(MergeMechanismsDialog, "ask", classmethod(lambda cls, *args: None))
    view.merge_button.click()
    settle(view)
    assert len(table(view)) == 7 and view.status.text() == ""
