"""CON-01's Welsh statement said lleoliad (a placement) for the venue of a review; a site that has
not edited the statement gets man cyfarfod (a meeting place)."""

import frappe

SHIPPED = "Cynhaliwyd yr adolygiad mewn lleoliad yr ymgynghorwyd â'r plentyn yn ei gylch."
CORRECTED = "Cynhaliwyd yr adolygiad mewn man cyfarfod yr ymgynghorwyd â'r plentyn yn ei gylch."


def execute() -> None:
	if frappe.db.get_value("Practice Standard", "CON-01", "statement_cy") == SHIPPED:
		frappe.db.set_value("Practice Standard", "CON-01", "statement_cy", CORRECTED, update_modified=False)
