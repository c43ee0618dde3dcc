"""Where the app's notifications are shipped, and the custom fields of Notification that hold their
Welsh forms."""

from pathlib import Path

DEFAULT_NOTIFICATIONS = Path(__file__).parent / "default_notifications.json"
WELSH_FIELDS = {"subject": "iro_subject_cy", "message": "iro_message_cy"}
WELSH_SECTION = "iro_welsh_section"
