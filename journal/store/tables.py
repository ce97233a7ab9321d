"""SQLModel tables of the journal database; only the store package imports this module."""

from __future__ import annotations

from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class AwareDateTime(sa.types.TypeDecorator):
    """A timezone-aware datetime kept as ISO 8601 text, so the offset survives the round trip."""

    impl = sa.String
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.isoformat()

    def process_result_value(self, value: str | None, dialect: object) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


def _aware(**kwargs: object) -> object:
    return Field(sa_column=sa.Column(AwareDateTime(), nullable=False, **kwargs))


def _parent_key(target: str, **kwargs: object) -> object:
    return Field(
        sa_column=sa.Column(
            sa.String, sa.ForeignKey(target, ondelete="CASCADE"), index=True, **kwargs
        )
    )


class EntryRow(SQLModel, table=True):
    __tablename__ = "entry"

    id: str = Field(primary_key=True)
    title: str = ""
    occurred_on: date = Field(index=True)
    area: str = Field(default="", index=True)
    valence: str = Field(index=True)
    outcome: str = ""
    notes: str = ""
    created_at: datetime = _aware()
    updated_at: datetime = _aware()

    # Lets recurrence counts find an entry's date from the index alone (migration 0004).
    __table_args__ = (sa.Index("ix_entry_id_occurred_on", "id", "occurred_on"),)


class InputRow(SQLModel, table=True):
    __tablename__ = "input"

    id: str = Field(primary_key=True)
    entry_id: str = _parent_key("entry.id", nullable=False)
    position: int = 0
    kind: str
    text: str = ""


class WhyRow(SQLModel, table=True):
    __tablename__ = "why"

    id: str = Field(primary_key=True)
    entry_id: str = _parent_key("entry.id", nullable=False)
    parent_id: str | None = _parent_key("why.id", nullable=True)
    position: int = 0
    question: str = ""
    answer: str = ""
    root_cause: bool = False


class MechanismRow(SQLModel, table=True):
    __tablename__ = "mechanism"

    id: str = Field(primary_key=True)
    name: str
    name_key: str = Field(unique=True, index=True)
    description: str = ""


class WhyMechanismRow(SQLModel, table=True):
    __tablename__ = "why_mechanism"

    why_id: str = Field(
        sa_column=sa.Column(
            sa.String, sa.ForeignKey("why.id", ondelete="CASCADE"), primary_key=True
        )
    )
    mechanism_id: str = Field(
        sa_column=sa.Column(
            sa.String, sa.ForeignKey("mechanism.id", ondelete="CASCADE"), primary_key=True,
        )
    )
    # The why's entry, kept here too so recurrence counts need no join through `why`.
    entry_id: str = Field(
        sa_column=sa.Column(
            sa.String, sa.ForeignKey("entry.id", ondelete="CASCADE", name="fk_why_mechanism_entry"),
            nullable=False,
        )
    )
    position: int = 0

    __table_args__ = (sa.Index("ix_why_mechanism_entry_id", "entry_id", "mechanism_id"),
                      sa.Index("ix_why_mechanism_mechanism_entry", "mechanism_id", "entry_id"))


class ActionRow(SQLModel, table=True):
    __tablename__ = "action"

    id: str = Field(primary_key=True)
    entry_id: str = _parent_key("entry.id", nullable=False)
    why_id: str | None = _parent_key("why.id", nullable=True)
    position: int = 0
    text: str = ""
    status: str = Field(default="open", index=True)
    due_on: date | None = None
    done_on: date | None = None


class GuidelineRow(SQLModel, table=True):
    __tablename__ = "guideline"

    id: str = Field(primary_key=True)
    entry_id: str = _parent_key("entry.id", nullable=False)
    position: int = 0
    text: str = ""
