"""Text stored in a child's file before every save path sanitised it is sanitised once."""

import frappe

from iro_standards.permissions import protected_doctypes
from iro_standards.writes import sanitised, sanitised_fields


def execute() -> None:
	for doctype in protected_doctypes():
		for df in sanitised_fields(frappe.get_meta(doctype)):
			column = f"`{df.fieldname}`"
			rows = frappe.db.sql(
				f"select `name`, {column} from `tab{doctype}` where {column} like '%%<%%' or {column} like '%%>%%'"
			)
			for name, value in rows:
				clean = sanitised(value, df)
				if clean != value:
					frappe.db.set_value(doctype, name, df.fieldname, clean, update_modified=False)
