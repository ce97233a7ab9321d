"""Review charts as matplotlib Figures built from recurrence data (no pyplot, no Qt)."""
