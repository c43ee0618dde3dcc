from datetime import date

import frappe
from frappe.tests.utils import FrappeTestCase

from iro_standards.tests.factories import make_looked_after_child

CSV = """First Name,Last Name,Local Case Number,Date of Birth
Aled,Evans,IMP-001,2012-04-01
Bethan,Hughes,IMP-002,2099-01-01
Cai,Morgan,IMP-003,2013-09-30
"""


REVIEWS_CSV = """Child,Planned Date
{child},2026-01-19
{child},2025-01-19
{child},2026-04-14
"""


class TestDataImportOfChildren(FrappeTestCase):
	def tearDown(self):
		for doctype, filters in (
			("Looked After Child", {"case_number": ("like", "IMP-%")}),
			("Data Import", {"reference_doctype": "Looked After Child"}),
		):
			for name in frappe.get_all(doctype, filters, pluck="name"):
				frappe.delete_doc(doctype, name, force=True, delete_permanently=True)
		frappe.db.commit()

	def test_bad_rows_are_reported_by_row_number_and_good_rows_imported(self):
		data_import = frappe._dict(name=self.import_csv("Looked After Child", CSV))

		imported = frappe.get_all(
			"Looked After Child", {"case_number": ("like", "IMP-%")}, pluck="case_number"
		)
		self.assertEqual(sorted(imported), ["IMP-001", "IMP-003"])
		failures = frappe.get_all(
			"Data Import Log",
			filters={"data_import": data_import.name, "success": 0},
			fields=["row_indexes", "messages"],
		)
		self.assertEqual([frappe.parse_json(f.row_indexes) for f in failures], [[3]])
		self.assertIn("cannot be in the future", failures[0].messages)
		self.assertEqual(frappe.db.get_value("Data Import", data_import.name, "status"), "Partial Success")

	def test_reviews_import_the_good_rows_and_name_the_bad_one(self):
		child = make_looked_after_child(date(2025, 12, 20), case_number="IMP-REV")
		data_import = self.import_csv("Child Review", REVIEWS_CSV.format(child=child.name))
		planned = frappe.get_all(
			"Child Review", {"child": child.name}, pluck="planned_date", order_by="planned_date"
		)
		self.assertEqual(planned, [date(2026, 1, 19), date(2026, 4, 14)])
		failures = frappe.get_all(
			"Data Import Log", {"data_import": data_import, "success": 0}, ["row_indexes", "messages"]
		)
		self.assertEqual([frappe.parse_json(f.row_indexes) for f in failures], [[3]])
		self.assertIn("was not looked after on", failures[0].messages)
		for review in frappe.get_all("Child Review", {"child": child.name}, pluck="name"):
			frappe.delete_doc("Child Review", review, force=True, delete_permanently=True)
		frappe.db.delete("Care Episode", {"child": child.name})
		frappe.db.delete("Data Import", {"reference_doctype": "Child Review"})

	def import_csv(self, doctype: str, content: str) -> str:
		file = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"{frappe.scrub(doctype)}.csv",
				"content": content.encode(),
				"is_private": 1,
			}
		).insert()
		data_import = frappe.get_doc(
			{
				"doctype": "Data Import",
				"reference_doctype": doctype,
				"import_type": "Insert New Records",
				"import_file": file.file_url,
			}
		).insert()
		frappe.db.commit()
		data_import.start_import()
		return data_import.name
