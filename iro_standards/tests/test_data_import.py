import frappe
from frappe.tests.utils import FrappeTestCase

CSV = """First Name,Last Name,Local Case Number,Date of Birth
Aled,Evans,IMP-001,2012-04-01
Bethan,Hughes,IMP-002,2099-01-01
Cai,Morgan,IMP-003,2013-09-30
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
		file = frappe.get_doc(
			{"doctype": "File", "file_name": "children.csv", "content": CSV.encode(), "is_private": 1}
		).insert()
		data_import = frappe.get_doc(
			{
				"doctype": "Data Import",
				"reference_doctype": "Looked After Child",
				"import_type": "Insert New Records",
				"import_file": file.file_url,
			}
		).insert()
		frappe.db.commit()

		data_import.start_import()

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
