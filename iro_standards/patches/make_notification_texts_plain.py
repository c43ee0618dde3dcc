"""The shipped notifications' English subject and message become plain text with the record's
fields, as their Welsh forms are, so the Notification list reads as sentences and an admin rewords
them without touching a template function. Only texts still as the app shipped them change."""

import json
from pathlib import Path

from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import in_wales
from iro_standards.iro_standards.notification_texts import DEFAULT_NOTIFICATIONS
from iro_standards.iro_standards.welsh_law import replace_shipped, welsh_law_wording

BEFORE = Path(__file__).with_name("notification_texts_before_plain.json")


def execute() -> None:
	before = json.loads(BEFORE.read_text())
	for row in json.loads(DEFAULT_NOTIFICATIONS.read_text()):
		if row["name"] not in before:
			continue
		plain = {field: row[field] for field in ("subject", "message")}
		replace_shipped(
			"Notification",
			row["name"],
			before[row["name"]],
			welsh_law_wording(plain) if in_wales() else plain,
		)
