"""Rendering entries as Markdown and parsing them back: the format by example, hand edits, errors."""

from __future__ import annotations

import textwrap
from datetime import date

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from journal import paths
from journal.domain.model import Action, ActionStatus, Entry, Mechanism, Valence, Why
from journal.exchange import markdown
from journal.exchange.files import read_document
from journal.exchange.jsonv1 import entry_to_dict
from journal.exchange.markdown import (
    parse_entry,
    parse_file,
    parse_mechanisms,
    render_entry,
    render_mechanisms,
)
from journal.exchange.markdown_parse import MarkdownFormatError


@pytest.fixture(scope="module")
def sample():
    return read_document(paths.SAMPLE_JOURNAL)


def server_entry(sample) -> Entry:
    return next(e for e in sample.entries if e.title.startswith("Every server"))


def document(body: str, front: str = "date: 2026-05-12\nvalence: negative") -> str:
    return f"---\n{front}\n---\n\n{textwrap.dedent(body).strip()}\n"


# -- the format by example --------------------------------------------------------------------

def test_front_matter_has_the_fields_obsidian_and_other_tools_read(sample):
    entry = server_entry(sample)
    text = render_entry(entry)
    front = yaml.safe_load(text.split("---\n")[1])
    assert list(front) == ["title", "date", "area", "valence", "mechanisms", "tags", "id", "created",
                           "updated"]
    assert front["title"] == entry.title and front["date"] == date(2026, 5, 12)
    assert front["tags"] == ["fivewhys", "work", "negative"]
    assert front["mechanisms"] == list(entry.mechanism_names())
    assert front["id"] == entry.id and front["created"] == entry.created_at.isoformat()


def test_the_body_reads_as_a_person_would_write_it(sample):
    text = render_entry(server_entry(sample))
    expected = textwrap.dedent("""\
        # Every server except the listed ones was shut down

        ## Outcome

        The site was down for 47 minutes on a Tuesday at 14:05. 212 of 220 servers stopped; 8 stayed up.

        ## Inputs

        - **Process:** Hardware swaps are done by running a shutdown script by hand
        - **Action:** A support engineer ran the script with an inverted server list
        - **Time:** Peak afternoon traffic

        ## Whys

        - **Why?** Why did the site go down?\\
          **Answer:** All the servers were turned off.
          - **Why?** Why were the servers turned off?\\
            **Answer:** A script was run which shut them off.
            - **Why?** Why was a script able to turn off so many servers?\\
              **Answer:** There are no permission differences between turning off 1 server and many.\\
              **Root cause**\\
              **Mechanisms:** Bulk operations have no guardrail
              - [x] Require a second approval when a command touches more than 5\\% of the fleet NOTES
        """).replace("NOTES", "*(due 2026-05-30, done 2026-05-28)*")
    assert expected in text
    assert text.endswith(
        "## Notes\n\nFrom the classic COE story: the script did the inverse of what was meant.\n")


def test_actions_show_their_status_and_dates():
    entry = Entry(title="t", occurred_on=date(2026, 1, 1), actions=(
        Action("open one"), Action("due one", due_on=date(2026, 6, 15)),
        Action("done one", ActionStatus.DONE, done_on=date(2026, 5, 28)),
        Action("dropped one", ActionStatus.DROPPED), Action(""),
    ))
    assert "\n".join([
        "## Actions", "", "- [ ] open one", "- [ ] due one *(due 2026-06-15)*",
        "- [x] done one *(done 2026-05-28)*", "- [-] dropped one *(dropped)*", "- [ ]",
    ]) in render_entry(entry)


def test_empty_sections_are_left_out():
    text = render_entry(Entry(title="Only a title", occurred_on=date(2026, 1, 1)))
    assert text.split("---\n")[-1] == "\n# Only a title\n"
    assert parse_entry(text).title == "Only a title"


def test_multi_line_text_keeps_paragraphs_and_line_breaks():
    entry = Entry(title="t", occurred_on=date(2026, 1, 1), outcome="one\ntwo\n\nthree",
                  whys=(Why(question="q", answer="first line\nsecond line"),))
    text = render_entry(entry)
    assert "## Outcome\n\none\\\ntwo\n\nthree\n" in text
    assert "**Answer:** first line\\\n  second line" in text


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "area", "id"]), st.text(max_size=30)),
       st.lists(st.text(min_size=1, max_size=20), max_size=3))
def test_front_matter_is_what_pyyaml_safe_dump_writes(fields, names):
    data = {**fields, "date": date(2026, 5, 12), "mechanisms": names}
    ours = "\n".join(markdown._yaml_lines(data)) + "\n"
    assert yaml.safe_load(ours) == data
    if not any(odd in repr(data) for odd in ("\\x85", "\\u2028", "\\u2029")):
        assert ours == yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False,
                                 width=4096)


# -- hand-edited files ------------------------------------------------------------------------

def test_a_hand_written_entry_with_other_bullets_indentation_and_line_endings_is_read():
    text = document("""
        # Written by hand

        ## Whys

        * **Why?**  Why did it happen?
            **Answer:** Because of a thing
            that took two lines.
            * [X] Fix the thing *(done 2026-02-01)*
            * **Why?** Why was there a thing?
              **Answer:** Nobody checked.
              **Root cause**
              **Mechanisms:** No check ;  No owner

        ## Guidelines

        + Check the thing
        """).replace("\n", "\r\n")
    entry = parse_entry(text)
    assert entry.title == "Written by hand" and entry.valence is Valence.NEGATIVE
    why = entry.whys[0]
    assert (why.question, why.answer) == ("Why did it happen?", "Because of a thing\nthat took two lines.")
    assert why.actions == (Action("Fix the thing", ActionStatus.DONE, done_on=date(2026, 2, 1),
                                  id=why.actions[0].id),)
    assert why.children[0].mechanisms == ("No check", "No owner") and why.children[0].root_cause
    assert entry.guidelines[0].text == "Check the thing"
    assert entry.tree_depth() == 2 and len(entry.id) == 36


def test_ticking_a_box_in_obsidian_marks_the_action_done(sample):
    text = render_entry(server_entry(sample))
    ticked = text.replace("- [ ] Build a hardware-swap page", "- [x] Build a hardware-swap page")
    actions = {a.text: a.status for a in parse_entry(ticked).all_actions()}
    assert actions["Build a hardware-swap page that drains one server at a time"] is ActionStatus.DONE


def test_without_a_heading_the_title_comes_from_the_front_matter():
    front = "title: From front matter\ndate: 2026-05-12\nvalence: mixed"
    entry = parse_entry(document("## Notes\n\nn", front))
    assert (entry.title, entry.notes, entry.valence) == ("From front matter", "n", Valence.MIXED)


def test_named_entities_typed_by_hand_read_as_commonmark_shows_them():
    assert parse_entry(document("# Tom &amp; Jerry &copy; &nosuch;")).title == "Tom & Jerry © &nosuch;"


# -- mistakes get one clear sentence with the line ---------------------------------------------

@pytest.mark.parametrize(("text", "problem"), [
    ("Just some notes\n", "it is not a Five Whys entry: it does not begin with front matter"),
    ("---\ndate: 2026-05-12\n# t\n", "its front matter has no closing “---” line"),
    ("---\ntitle: [unclosed\n---\n# t\n", "Line 3: the front matter is not valid YAML"),
    ("---\ntags: [notes]\n---\n# My note\n", "it is not a Five Whys entry: its front matter has no “date”"),
    (document("# t", "date: 2026-13-40\nvalence: negative"), "“date” in the front matter is “2026-13-40”"),
    (document("# t", "date: 2026-05-12\nvalence: sad"),
     "“valence” in the front matter is “sad”; it must be one of negative, positive, mixed"),
    (document("# t", "date: 2026-05-12\nvalence: negative\narea: [a, b]"),
     "“area” in the front matter must be text"),
    (document("Hello\n\n# t"), "Line 6: text stands before the first “## ” section"),
    (document("# t\n\n## Lessons\n\nx"), "Line 8: “## Lessons” is not a section of an entry"),
    (document("# t\n\n## Notes\n\na\n\n## notes\n\nb"), "Line 12: there is a second “## notes” section"),
    (document("# t\n\n## Whys\n\n- Because it broke"), "Line 10: a why must begin with “**Why?**”"),
    (document("# t\n\n## Whys\n\n- **Why?** q\n  **Answer:** a\n  **Answer:** b"),
     "Line 12: this why has a second “**Answer:**” line"),
    (document("# t\n\n## Whys\n\n- **Why?** q\n  **Root cause** Pride"),
     "Line 11: “**Root cause**” stands alone"),
    (document("# t\n\n## Whys\n\n- **Why?** q\n  **Mechanisms:** A;  ; B"),
     "Line 11: a mechanism name is empty"),
    (document("# t\n\n## Whys\n\n- **Why?** q\n  - a note"), "Line 11: under a why, a list item must be"),
    (document("# t\n\n## Actions\n\n- [ ] x *(due 2026-02-30)*"),
     "Line 10: “2026-02-30” after “due” is not a date like 2026-11-23"),
    (document("# t\n\n## Actions\n\n- [ ] x *(soon)*"), "Line 10: “soon” is not understood after an action"),
    (document("# t\n\n## Actions\n\n- do it"), "Line 10: an action must begin with “[ ]” (open)"),
    (document("# t\n\n## Inputs\n\n- **Weather:** rain"), "Line 10: an input must begin with its kind"),
    (document("# t\n\n## Guidelines\n\nNot a list"), "Line 10: under “## Guidelines” every line must belong"),
    (document("# t\n\n## Guidelines\n\n- g\n  - nested"), "Line 11: a guideline cannot have list items"),
])
def test_a_mistake_is_named_with_its_line(text, problem):
    with pytest.raises(MarkdownFormatError) as caught:
        parse_entry(text)
    assert str(caught.value).startswith(problem[:1].upper() + problem[1:]), str(caught.value)


def test_the_error_knows_its_line_and_problem_for_the_file_layer():
    with pytest.raises(MarkdownFormatError) as caught:
        parse_entry(document("# t\n\n## Whys\n\n- nope"))
    assert (caught.value.line, caught.value.problem) == (10, "a why must begin with “**Why?**”")


# -- the mechanisms file ----------------------------------------------------------------------

def test_mechanisms_and_their_descriptions_come_back(sample):
    text = render_mechanisms(sample.mechanisms)
    assert "## No alarm on rate of change\n\nNothing watches how fast" in text
    assert parse_mechanisms(text) == sample.mechanisms
    assert parse_file(text) == sample.mechanisms
    odd = (Mechanism("# Odd\nname ", "para one\n\npara two"), Mechanism("Plain"))
    assert parse_mechanisms(render_mechanisms(odd)) == odd


def test_mechanism_names_differing_only_in_case_are_refused():
    text = render_mechanisms([Mechanism("Same"), Mechanism("SAME")])
    with pytest.raises(MarkdownFormatError, match="differ only in case"):
        parse_mechanisms(text)


def test_every_sample_entry_comes_back_exactly(sample):
    for entry in sample.entries:
        assert entry_to_dict(parse_entry(render_entry(entry))) == entry_to_dict(entry)
