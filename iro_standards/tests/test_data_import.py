from datetime import date

import frappe
from frappe.tests.utils import FrappeTestCase

from iro_standards.iro_standards.records import delete_child_and_records
from iro_standards.tasks import daily
from iro_standards.tests.factories import make_looked_after_child, make_user

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


CASELOAD_CSV = """First Name,Last Name,Local Case Number,Date of Birth,Allocated IRO,IRO Service Notified On,IRO Allocated On,Social Worker
Dylan,Price,IMP-011,2012-04-01,{iro},2026-09-01,2026-09-02,{social_worker}
Elin,Rees,IMP-012,2014-02-11,{social_worker},2026-09-01,2026-09-02,{social_worker}
Ffion,Jones,IMP-013,2015-06-30,{iro},2026-09-01,2026-09-03,{social_worker}
"""

EPISODES_CSV = """Child,Became Looked After,Legal Status,Placed On (Placements),Placement Type (Placements),Reason for the Move (Placements)
{first},2026-09-01,Interim Care Order,2026-09-01,Foster Care,
,,,2026-10-05,Kinship Care,Change to the Care Plan
{third},2099-09-01,Interim Care Order,2099-09-01,Foster Care,
{third},2026-09-01,Interim Care Order,2026-09-01,Foster Care,
"""


class TestDataImportOfChildren(FrappeTestCase):
	def tearDown(self):
		for child in frappe.get_all("Looked After Child", {"case_number": ("like", "IMP-%")}, pluck="name"):
			delete_child_and_records(child)
		frappe.db.delete(
			"Data Import",
			{"reference_doctype": ("in", ("Looked After Child", "Child Review", "Care Episode"))},
		)
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

	def test_a_caseload_imports_with_its_allocations_episodes_and_placements(self):
		iro = make_user("import.iro@example.com", "IRO")
		social_worker = make_user("import.sw@example.com", "Social Worker")
		children = self.import_csv(
			"Looked After Child", CASELOAD_CSV.format(iro=iro, social_worker=social_worker)
		)
		self.assertEqual(self.failed_rows(children), [[3]])
		imported = frappe.get_all(
			"Looked After Child",
			{"case_number": ("like", "IMP-01%")},
			["name", "case_number", "allocated_iro", "social_worker"],
			order_by="case_number",
		)
		self.assertEqual(
			[(c.case_number, c.allocated_iro, c.social_worker) for c in imported],
			[("IMP-011", iro, social_worker), ("IMP-013", iro, social_worker)],
		)
		letters = frappe.get_all(
			"IRO Letter", {"child": ("in", [c.name for c in imported])}, ["letter_kind", "status", "iro"]
		)
		self.assertEqual(
			sorted((l.letter_kind, l.status, l.iro) for l in letters), [("Allocation", "Draft", iro)] * 2
		)

		first, third = (c.name for c in imported)
		episodes = self.import_csv("Care Episode", EPISODES_CSV.format(first=first, third=third))
		self.assertEqual(self.failed_rows(episodes), [[4]])
		placements = frappe.get_all(
			"Placement Move",
			{"parenttype": "Care Episode", "parent": frappe.db.get_value("Care Episode", {"child": first})},
			["moved_on", "placement_type"],
			order_by="moved_on",
		)
		self.assertEqual(
			[(p.moved_on, p.placement_type) for p in placements],
			[(date(2026, 9, 1), "Foster Care"), (date(2026, 10, 5), "Kinship Care")],
		)
		for child in (first, third):
			self.assertEqual(frappe.db.get_value("Looked After Child", child, "status"), "Looked After")
			planned = frappe.get_all(
				"Child Review", {"open_for_child": child}, ["status", "planned_date", "allocated_iro"]
			)
			self.assertEqual([(r.status, r.allocated_iro) for r in planned], [("Planned", iro)])

	def failed_rows(self, data_import: str) -> list:
		return [
			frappe.parse_json(log.row_indexes)
			for log in frappe.get_all(
				"Data Import Log", {"data_import": data_import, "success": 0}, ["row_indexes"]
			)
		]

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
