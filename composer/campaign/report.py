"""The campaign report: one row per force, as CSV for a spreadsheet."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from composer import storage
from composer.calendar import Calendar
from composer.campaign.deadlines import overview
from composer.campaign.model import Campaign
from composer.library import slug

CSV_COLUMNS = [
    "force", "force_id", "act", "reference", "status", "sent", "clock_started", "due", "statutory_due",
    "extension_notice", "extended_to", "extension_limit", "responded", "working_days_late", "overdue",
    "next_step", "next_date", "sections", "review_ask_by", "review_asked", "review_due",
    "review_answered", "complain_by", "warnings", "notes", "attachments",
]


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def report_rows(campaign: Campaign, today: date | None = None,
                calendar: Calendar | None = None) -> list[dict[str, str]]:
    rows = []
    for p in overview(campaign, today, calendar):
        rows.append({
            "force": p.force_name, "force_id": p.force_id, "act": p.act.value,
            "reference": p.reference, "status": p.status_label, "sent": _iso(p.sent),
            "clock_started": _iso(p.clock_start), "due": _iso(p.due),
            "statutory_due": _iso(p.statutory_due), "extension_notice": _iso(p.extension_notice),
            "extended_to": _iso(p.extended_to), "extension_limit": _iso(p.extension_limit),
            "responded": _iso(p.responded),
            "working_days_late": str(p.late_by) if p.late_by else "",
            "overdue": "yes" if p.overdue else "", "next_step": p.next_step,
            "next_date": _iso(p.next_date), "sections": " ".join(p.sections),
            "review_ask_by": _iso(p.review_ask_by), "review_asked": _iso(p.review_asked),
            "review_due": _iso(p.review_due), "review_answered": _iso(p.review_answered),
            "complain_by": _iso(p.complain_by), "warnings": "; ".join(p.warnings), "notes": p.notes,
            "attachments": "; ".join(p.attachments),
        })
    return rows


def report_csv(campaign: Campaign, today: date | None = None, calendar: Calendar | None = None) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(report_rows(campaign, today, calendar))
    return buffer.getvalue()


def export_csv(campaign: Campaign, dest: Path, today: date | None = None,
               calendar: Calendar | None = None) -> Path:
    """Write the report atomically, never over a file (a taken name becomes "name (2)"); UTF-8
    with a byte-order mark so spreadsheets read accents. Returns the path written."""
    dest = Path(dest)
    if dest.is_dir():
        dest = dest / f"{slug(campaign.name, default='campaign')}.csv"
    return storage.write_new(dest, report_csv(campaign, today, calendar).encode("utf-8-sig"))

