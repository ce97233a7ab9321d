"""Words for backups: when one was taken, as a person says it, and how big it is."""

from __future__ import annotations

from datetime import datetime, timedelta


def _clock(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def _day(moment: datetime) -> str:
    return moment.strftime("%d %B %Y").lstrip("0")


def relative_time(moment: datetime, now: datetime) -> str:
    """"just now", "5 minutes ago", "today at 09:12", "yesterday at 18:40", or "3 March 2026"."""
    moment, now = moment.astimezone(), now.astimezone()
    age = now - moment
    if age < timedelta(minutes=1):
        return "just now"
    if age < timedelta(hours=1):
        minutes = int(age.total_seconds() // 60)
        return f"{minutes} minute{'s' if minutes != 1 else ''} ago"
    if moment.date() == now.date():
        return f"today at {_clock(moment)}"
    if moment.date() == now.date() - timedelta(days=1):
        return f"yesterday at {_clock(moment)}"
    return _day(moment)


def full_time(moment: datetime, now: datetime) -> str:
    """When a backup was taken, fully but kindly: "Today, 09:12" or "Tuesday 3 March 2026, 18:40"."""
    moment, now = moment.astimezone(), now.astimezone()
    if moment.date() == now.date():
        return f"Today, {_clock(moment)}"
    if moment.date() == now.date() - timedelta(days=1):
        return f"Yesterday, {_clock(moment)}"
    return f"{moment.strftime('%A')} {_day(moment)}, {_clock(moment)}"


def file_size(size: int) -> str:
    """A size in bytes as "812 bytes", "96 KB" or "1.4 MB"."""
    if size < 1000:
        return f"{size} bytes"
    for unit, scale in (("KB", 1e3), ("MB", 1e6), ("GB", 1e9)):
        value = size / scale
        if value < 999.5 or unit == "GB":
            return f"{value:.1f} {unit}" if value < 9.95 else f"{value:.0f} {unit}"
    return f"{size} bytes"
