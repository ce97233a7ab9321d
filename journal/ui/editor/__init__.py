"""The entry editor: four steps (outcome, inputs, whys, actions and guidelines) over one entry."""
