"""People by name, not by e-mail, in the app's reports: the desk's cells, the charts and the files
a report is exported to."""

from collections.abc import Callable, Iterable
from functools import wraps

import frappe


def full_names(users: Iterable[str | None]) -> dict[str, str]:
	wanted = sorted({user for user in users if user})
	if not wanted:
		return {}
	return dict(
		frappe.get_all("User", filters={"name": ("in", wanted)}, fields=["name", "full_name"], as_list=True)
	)


def people_by_name(execute: Callable) -> Callable:
	"""A Script Report's ``execute`` whose columns linking to User show each person's name: the
	desk gets the names as link titles (its Link cells show them), a chart's labels become the
	names, and an export writes the names."""

	@wraps(execute)
	def run(filters=None):
		result = execute(filters)
		columns, rows = result[0], result[1]
		fields = [
			column["fieldname"]
			for column in columns
			if isinstance(column, dict)
			and column.get("fieldtype") == "Link"
			and column.get("options") == "User"
		]
		rows_by_key = [row for row in rows if isinstance(row, dict)]
		names = {
			user: name
			for user, name in full_names(row.get(f) for row in rows_by_key for f in fields).items()
			if name
		}
		if frappe.form_dict.get("file_format_type"):
			for row in rows_by_key:
				row.update({f: names.get(row.get(f), row.get(f)) for f in fields})
		else:
			frappe.response.setdefault("_link_titles", {}).update(
				{f"User::{user}": name for user, name in names.items()}
			)
		chart = result[3] if len(result) > 3 else None
		if chart and chart.get("data", {}).get("labels"):
			chart["data"]["labels"] = [names.get(label, label) for label in chart["data"]["labels"]]
		return result

	return run
