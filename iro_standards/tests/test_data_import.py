from datetime import date

import frappe
from frappe.tests.utils import FrappeTestCase

from iro_standards.iro_standards.records import delete_child_and_records
from iro_standards.tasks import daily
from iro_standards.tests.factories import make_looked_after_child

CSV = """First Name,Last Name,Local Case Number,Date of Birth
Aled,Evans,IMP-001,2012-04-01
Bethan,Hughes,IMP-002,2099-01-01
Cai,Morgan,IMP-003,2013-09-30
"""


HISTORIC_REVIEWS_CSV = """Child,Planned Date,Held On,Participation Code,Chair (IRO),Next Review Date Agreed,Permanence Plan Ratified
{child},2026-01-19,2026-01-19,PN1,Administrator,2026-04-14,
{child},2025-01-19,2025-01-19,PN1,Administrator,2025-04-14,
{child},2026-04-14,2026-04-14,PN1,Administrator,2026-10-12,Yes
"""


class TestDataImportOfChildren(FrappeTestCase):
	def tearDown(self):
		for child in frappe.get_all("Looked After Child", {"case_number": ("like", "IMP-%")}, pluck="name"):
			delete_child_and_records(child)
		frappe.db.delete("Data Import", {"reference_doctype": ("in", ("Looked After Child", "Child Review"))})
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

	def test_historic_reviews_import_the_good_rows_and_leave_one_review_planned(self):
		child = make_looked_after_child(date(2025, 12, 20), case_number="IMP-REV")
		data_import = self.import_csv(
			"Child Review", HISTORIC_REVIEWS_CSV.format(child=child.name), submit_after_import=1
		)
		failures = frappe.get_all(
			"Data Import Log", {"data_import": data_import, "success": 0}, ["row_indexes", "messages"]
		)
		self.assertEqual([frappe.parse_json(f.row_indexes) for f in failures], [[3]])
		self.assertIn("was not looked after on", failures[0].messages)
		reviews = frappe.get_all(
			"Child Review",
			{"child": child.name},
			["docstatus", "held_date", "planned_date", "previous_review", "open_for_child"],
			order_by="planned_date",
		)
		held = [r for r in reviews if r.docstatus == 1]
		self.assertEqual([r.held_date for r in held], [date(2026, 1, 19), date(2026, 4, 14)])
		(planned,) = [r for r in reviews if r.docstatus == 0]
		self.assertEqual((planned.planned_date, planned.open_for_child), (date(2026, 10, 12), child.name))
		self.assertEqual(frappe.get_all("Progress Review", {"child": child.name}), [])
		daily()
		progress = frappe.get_all("Progress Review", {"child": child.name}, ["child_review", "status"])
		second = frappe.db.get_value("Child Review", {"child": child.name, "held_date": date(2026, 4, 14)})
		self.assertEqual([(p.child_review, p.status) for p in progress], [(second, "Overdue")])

	def import_csv(self, doctype: str, content: str, **settings) -> str:
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
				**settings,
			}
		).insert()
		frappe.db.commit()
		data_import.start_import()
		return data_import.name
