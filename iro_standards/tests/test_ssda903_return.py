"""The SSDA903 return on a real site: codes taken and checked on save, the checks a manager runs,
the export and its log, the patch for older records; and over HTTP, an IRO can neither check
nor export nor read the log."""

import csv
import io
import json
import zipfile
from datetime import date
from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase

from iro_standards.iro_standards.ssda903 import EXPORT, check_return, download_return
from iro_standards.patches import map_ssda903_codes
from iro_standards.tests.factories import hold_review, make_child, make_episode, make_user
from iro_standards.tests.live_server import LiveServerTestCase

YEAR = 2025
HOME = "CF10 1EP"


def coded_placement(moved_on: date, **values) -> dict:
	return {
		"moved_on": moved_on,
		"placement_type": "Foster Care",
		"placement_code": "U4",
		"provider_code": "PR1",
		"placement_postcode": "CF11 9LJ",
		"urn": "XXXXXXX",
		**values,
	}


def coded_child(**values):
	return make_child(**{"sex_code": "F", "ethnicity_code": "WBRI", "upn": "A123456789012", **values})


def coded_episode(child: str, start: date, *rows: dict, **values):
	defaults = {
		"legal_status": "Full Care Order",
		"category_of_need": "N1",
		"home_postcode": HOME,
		"placements": list(rows) or [coded_placement(start)],
	}
	return make_episode(child, start, **{**defaults, **values})


def problems_of(records: set[str]) -> list[tuple]:
	return [
		(row["reference_name"], row["row"], row["problem"], row["missing"], row["case_number"])
		for row in check_return(YEAR)
		if row["reference_name"] in records
	]


class TestCodesOnSave(FrappeTestCase):
	def test_codes_the_apps_wording_certainly_means_are_taken_and_others_left_empty(self):
		if not frappe.db.exists("Gender", "Female"):
			frappe.get_doc({"doctype": "Gender", "gender": "Female"}).insert()
		child = make_child(gender="Female", ethnicity="wbri")
		episode = make_episode(child.name, date(2025, 6, 2), legal_status="Full Care Order")
		self.assertEqual((child.sex_code, child.ethnicity_code), ("F", "WBRI"))
		self.assertEqual(episode.legal_status_code, "C2")
		self.assertEqual(
			(episode.placements[0].placement_type, episode.placements[0].placement_code),
			("Foster Care", None),
		)

	def test_a_value_the_return_would_refuse_is_refused_on_save_and_nothing_is_written(self):
		child = coded_child()
		before = frappe.db.count("Care Episode")
		with self.assertRaisesRegex(frappe.ValidationError, "Placement row 1: Provider PR0"):
			coded_episode(
				child.name, date(2025, 6, 2), coded_placement(date(2025, 6, 2), provider_code="PR0")
			)
		with self.assertRaisesRegex(frappe.ValidationError, "home postcode"):
			coded_episode(
				child.name, date(2025, 6, 2), coded_placement(date(2025, 6, 2), placement_postcode=HOME)
			)
		with self.assertRaisesRegex(frappe.ValidationError, "Unique Pupil Number"):
			coded_child(upn="12345")
		self.assertEqual(frappe.db.count("Care Episode"), before)

	def test_a_code_still_to_record_does_not_stop_a_save(self):
		child = make_child()
		episode = make_episode(child.name, date(2025, 6, 2))
		self.assertTrue(episode.name)
		self.assertFalse(child.upn)

	def test_a_change_of_legal_status_alone_is_a_row_that_needs_no_reason_for_a_move(self):
		child = coded_child()
		episode = coded_episode(child.name, date(2025, 5, 1), legal_status="Interim Care Order")
		episode.append("placements", coded_placement(date(2025, 9, 1), legal_status_code="C2"))
		episode.save()
		self.assertEqual([row.legal_status_code or None for row in episode.placements], [None, "C2"])
		self.assertEqual(problems_of({child.name, episode.name}), [])


class TestChecksAndExport(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		self.child = coded_child(date_of_birth=date(2016, 3, 4))
		self.episode = coded_episode(self.child.name, date(2025, 5, 1))
		self.review = hold_review(self.child.name, date(2025, 5, 20), participation_code="PN6")

	def export(self, with_problems=0) -> dict[str, list[dict]]:
		with patch.object(frappe.db, "commit"):
			download_return(YEAR, with_problems)
		archive = zipfile.ZipFile(io.BytesIO(frappe.local.response.filecontent))
		return {
			name: list(csv.DictReader(io.StringIO(archive.read(name).decode())))
			for name in archive.namelist()
		}

	def mine(self, rows: list[dict]) -> list[dict]:
		return [row for row in rows if row["CHILD"] == self.child.case_number]

	def test_the_export_holds_the_childs_header_episode_and_review_and_is_logged(self):
		files = self.export(with_problems=1)
		self.assertEqual(sorted(files), ["episodes.csv", "header.csv", "reviews.csv"])
		self.assertEqual(
			[(h["SEX"], h["DOB"], h["ETHNIC"], h["UPN"]) for h in self.mine(files["header.csv"])],
			[("F", "04/03/2016", "WBRI", "A123456789012")],
		)
		self.assertEqual(
			[
				(e["DECOM"], e["RNE"], e["LS"], e["CIN"], e["PLACE"], e["HOME_POST"])
				for e in self.mine(files["episodes.csv"])
			],
			[("01/05/2025", "S", "C2", "N1", "U4", HOME)],
		)
		self.assertEqual(
			[(r["REVIEW"], r["REVIEW_CODE"]) for r in self.mine(files["reviews.csv"])],
			[("20/05/2025", "PN6")],
		)
		log = frappe.get_last_doc(EXPORT)
		self.assertEqual((log.collection_year, log.exported_by), (YEAR, "Administrator"))
		self.assertEqual(log.children, len(files["header.csv"]))
		self.assertEqual(log.reviews, len(files["reviews.csv"]))

	def test_the_checks_link_each_problem_to_its_record_and_the_export_waits_for_them(self):
		self.episode.append(
			"placements",
			coded_placement(
				date(2025, 8, 1),
				placement_code=None,
				placement_postcode="CF14 3UZ",
				reason_for_change="Other",
			),
		)
		self.episode.save()
		self.assertEqual(
			problems_of({self.child.name, self.episode.name}),
			[(self.episode.name, 2, "Record the placement type as a 903 code.", 1, self.child.case_number)],
		)
		logged = frappe.db.count(EXPORT)
		with self.assertRaisesRegex(frappe.ValidationError, "problems"):
			download_return(YEAR)
		self.assertEqual(frappe.db.count(EXPORT), logged)
		self.episode.placements[1].placement_code = "U6"
		self.episode.save()
		self.assertEqual(problems_of({self.child.name, self.episode.name}), [])

	def test_a_collection_year_that_is_not_a_year_is_refused(self):
		with self.assertRaisesRegex(frappe.ValidationError, "1 April"):
			check_return("last year")

	def test_the_patch_codes_older_records_and_leaves_the_uncertain_for_a_person(self):
		frappe.db.set_value("Care Episode", self.episode.name, "legal_status_code", None)
		frappe.db.set_value("Looked After Child", self.child.name, {"sex_code": None, "gender": "Female"})
		frappe.db.sql(
			"update `tabPlacement Move` set placement_code = null, placement_type = 'Children''s Home' where parent = %s",
			self.episode.name,
		)
		map_ssda903_codes.execute()
		self.assertEqual(frappe.db.get_value("Care Episode", self.episode.name, "legal_status_code"), "C2")
		self.assertEqual(frappe.db.get_value("Looked After Child", self.child.name, "sex_code"), "F")
		self.assertEqual(
			frappe.db.get_value("Placement Move", {"parent": self.episode.name}, "placement_code"), "K2"
		)
		frappe.db.sql(
			"update `tabPlacement Move` set placement_code = null, placement_type = 'Foster Care' where parent = %s",
			self.episode.name,
		)
		map_ssda903_codes.execute()
		self.assertIsNone(
			frappe.db.get_value("Placement Move", {"parent": self.episode.name}, "placement_code")
		)


class TestReturnOverHttp(LiveServerTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.manager = cls.make_login("http.903.manager@example.com", "IRO Manager")
		cls.iro = cls.make_login("http.903.iro@example.com", "IRO")
		cls.child = coded_child(first_name="Returned", allocated_iro=cls.iro)
		coded_episode(cls.child.name, date(2025, 5, 1))
		cls.before = frappe.db.count(EXPORT)
		cls.serve(cls.child.name)

	@classmethod
	def tearDownClass(cls):
		frappe.db.delete(EXPORT, {"exported_by": cls.manager})
		frappe.db.commit()
		super().tearDownClass()

	def test_the_manager_downloads_the_return_and_it_is_logged(self):
		response = self.post(
			self.session(self.manager),
			"/api/method/iro_standards.iro_standards.ssda903.download_return",
			year_starting=YEAR,
			with_problems=1,
		)
		self.assertEqual(response.status_code, 200, response.text[:300])
		names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
		self.assertEqual(sorted(names), ["episodes.csv", "header.csv", "reviews.csv"])
		frappe.db.rollback()
		self.assertEqual(frappe.db.count(EXPORT, {"exported_by": self.manager}), 1)

	def test_the_manager_runs_the_checks_report(self):
		report = self.get(
			self.session(self.manager),
			"/api/method/frappe.desk.query_report.run",
			report_name="SSDA903 Checks",
			filters=json.dumps({"year_starting": YEAR}),
		)
		self.assertEqual(report.status_code, 200, report.text[:300])
		self.assertIn("report_summary", report.json()["message"])

	def test_an_iro_cannot_check_export_or_read_the_log_even_of_their_own_child(self):
		session = self.session(self.iro)
		exported = self.post(
			session,
			"/api/method/iro_standards.iro_standards.ssda903.download_return",
			year_starting=YEAR,
			with_problems=1,
		)
		self.assertEqual(exported.status_code, 403)
		self.assertNotIn(self.child.case_number, exported.text)
		checked = self.get(
			session, "/api/method/iro_standards.iro_standards.ssda903.check_return", year_starting=YEAR
		)
		self.assertEqual(checked.status_code, 403)
		report = self.get(
			session,
			"/api/method/frappe.desk.query_report.run",
			report_name="SSDA903 Checks",
			filters=json.dumps({"year_starting": YEAR}),
		)
		self.assertEqual(report.status_code, 403)
		self.assertNotIn(self.child.case_number, report.text)
		self.assertEqual(self.get(session, f"/api/resource/{EXPORT}").status_code, 403)
		counted = self.get(session, "/api/method/frappe.client.get_count", doctype=EXPORT)
		self.assertEqual(counted.status_code, 403)
		created = session.post(
			f"{self.base}/api/resource/{EXPORT}", json={"collection_year": YEAR, "children": 1}, timeout=30
		)
		self.assertEqual(created.status_code, 403)
		frappe.db.rollback()
		self.assertEqual(frappe.db.count(EXPORT), self.before)

	def test_the_manager_cannot_record_an_export_by_hand(self):
		created = self.session(self.manager).post(
			f"{self.base}/api/resource/{EXPORT}", json={"collection_year": 2019, "children": 1}, timeout=30
		)
		self.assertEqual(created.status_code, 403)
		frappe.db.rollback()
		self.assertFalse(frappe.db.exists(EXPORT, {"collection_year": 2019}))

	def test_the_export_refuses_a_get(self):
		response = self.get(
			self.session(self.manager),
			"/api/method/iro_standards.iro_standards.ssda903.download_return",
			year_starting=YEAR,
		)
		self.assertEqual(response.status_code, 403)
