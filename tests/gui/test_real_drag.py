"""A real mouse drag in the why tree, on a real X server (Xvfb) moved by xdotool, as a user's hand would.

The other GUI tests run offscreen, where Qt's drag loop never sees synthetic mouse events; this one
starts the app's window on its own virtual screen. `scripts/setup --test` installs Xvfb and xdotool.
"""

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).parents[2]
SERVER_TITLE = "Every server except the listed ones was shut down"
DRAGGED = "There were no alarms on the number of servers shutting down in a time period."
ONTO = "A script was run which shut them off."

pytestmark = pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xdotool")),
                                reason="needs Xvfb and xdotool (bash scripts/setup --test installs them)")

# The window's side: open the sample journal on the server entry's whys, say where the two answers are
# on the screen, then wait for the drop and print the tree as it was saved.
WINDOW = textwrap.dedent(f"""
    import sys, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from journal.ui.main_window import MainWindow
    app = QApplication([])
    window = MainWindow()
    window.resize(1200, 780)
    window.show()
    window.open_journal(Path(sys.argv[1]), remember=False)
    window.add_samples()
    model = window.entry_list.model
    window.entry_list.select_entry(next(model.summary(row).id for row in range(model.rowCount())
                                        if model.summary(row).title == {SERVER_TITLE!r}))
    window.editor.step_buttons.button(2).click()
    tree = window.editor.whys.tree
    def walk(whys):
        for why in whys:
            yield why
            yield from walk(why.children)
    def centre(answer):
        tree.select(next(why.id for why in walk(window.editor.entry().whys) if why.answer == answer))
        point = tree.viewport().mapToGlobal(tree.visualItemRect(tree.currentItem()).center())
        return f"{{point.x()}} {{point.y()}}"
    deadline = time.monotonic() + 1
    while time.monotonic() < deadline:  # the window laid out and on the screen
        app.processEvents()
    print("from", centre({DRAGGED!r}), "to", centre({ONTO!r}), flush=True)
    entry_id = window.editor.entry().id
    deadline = time.monotonic() + 30
    def moved():
        parent = window.journal.get_entry(entry_id).whys[0].children[0]
        return [child.answer for child in parent.children]
    while time.monotonic() < deadline and {DRAGGED!r} not in moved():
        app.processEvents()
    print("children", moved(), flush=True)
""")


@pytest.fixture
def display():
    """A private X server; its display name."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x900x24",
                               "-nolisten", "tcp"],
                              pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as chosen:
        number = chosen.readline().strip()
    yield f":{number}"
    server.terminate()
    server.wait(10)


def xdotool(env: dict, *args: str) -> None:
    subprocess.run(["xdotool", *args], env=env, check=True, timeout=10)


def test_dragging_an_answer_onto_another_makes_it_a_deeper_why(display, tmp_path):
    env = {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PATH": os.environ["PATH"],
           "PYTHONPATH": str(CHECKOUT), "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    with subprocess.Popen([sys.executable, "-c", WINDOW, str(tmp_path / "journal.sqlite")], env=env,
                          cwd=CHECKOUT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as window:
        try:
            where = window.stdout.readline().split()
            assert where[:1] == ["from"], window.stderr.read()
            (x0, y0), (x1, y1) = (int(where[1]), int(where[2])), (int(where[4]), int(where[5]))
            xdotool(env, "mousemove", str(x0), str(y0), "mousedown", "1")
            for step in range(1, 13):  # a hand moves in many small steps
                xdotool(env, "mousemove", str(x0 + (x1 - x0) * step // 12), str(y0 + (y1 - y0) * step // 12))
                time.sleep(0.05)
            time.sleep(0.3)
            xdotool(env, "mouseup", "1")
            result = window.stdout.readline()
        finally:
            if window.poll() is None:
                window.kill()
        assert result.startswith("children") and DRAGGED in result, window.stderr.read()
