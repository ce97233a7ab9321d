"""Plain-Python core of the journal: value objects, why-tree rules, guidance and recurrence maths."""
