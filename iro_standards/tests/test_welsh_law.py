"""The words of Welsh law follow the jurisdiction setting, in English and in Welsh, and go away again."""

import frappe
from frappe.tests.utils import FrappeTestCase

from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import SETTINGS
from iro_standards.iro_standards.welsh_law import welsh_law_overrides

SHIPPED_DIS_03 = "Referral to Cafcass was considered only when proportionate."


def set_jurisdiction(jurisdiction: str) -> None:
	settings = frappe.get_doc(SETTINGS)
	settings.jurisdiction = jurisdiction
	settings.save()


def stages() -> list[tuple[str, str]]:
	return [(row.stage, row.addressed_to) for row in frappe.get_doc(SETTINGS).dispute_stages]


def description(fieldname: str, lang: str) -> str:
	return frappe._(frappe.get_meta(SETTINGS).get_field(fieldname).description, lang=lang)


class TestWelshLaw(FrappeTestCase):
	def setUp(self):
		self.assertEqual(frappe.get_doc(SETTINGS).jurisdiction, "England")

	def tearDown(self):
		frappe.db.rollback()
		frappe.clear_cache()

	def test_wales_speaks_of_a_child_looked_after_and_a_care_and_support_plan_in_both_languages(self):
		set_jurisdiction("Wales")
		self.assertEqual(frappe._("Looked After Child", lang="en"), "Child Looked After")
		self.assertEqual(frappe._("Care Plan Update Due", lang="en"), "Care and Support Plan Update Due")
		self.assertEqual(frappe._("Care Plan", lang="cy"), "Cynllun gofal a chymorth")
		self.assertEqual(
			frappe._("Care plan update due: {0}", lang="cy"),
			"Diweddaru'r cynllun gofal a chymorth erbyn: {0}",
		)
		self.assertEqual(frappe._("Referred to Cafcass", lang="en"), "Referred to Cafcass Cymru")
		self.assertEqual(frappe._("Looked After Child", lang="en-GB"), "Child Looked After")
		self.assertEqual(
			frappe.db.get_value("Notification", "IRO: Care Plan Update Due", "subject"),
			"Care and support plan update due: {{ doc.case_number }}",
		)
		self.assertEqual(frappe._("Care Plan", lang="en-GB"), "Care and Support Plan")
		self.assertIn("(Wales) Regulations 2015, Part 6", description("first_review_working_days", "en"))
		self.assertIn("(Cymru) 2015, Rhan 6", description("subsequent_review_months", "cy"))
		self.assertEqual(
			frappe._("Director of children's services", lang="cy"), "Cyfarwyddwr Gwasanaethau Cymdeithasol"
		)

		set_jurisdiction("England")
		self.assertEqual(frappe._("Looked After Child", lang="en"), "Looked After Child")
		self.assertEqual(frappe._("Care Plan", lang="cy"), "Cynllun gofal")
		self.assertEqual(frappe._("Looked After Child", lang="en-GB"), "Looked After Child")
		self.assertEqual(
			frappe.db.get_value("Notification", "IRO: Care Plan Update Due", "subject"),
			"Care plan update due: {{ doc.case_number }}",
		)
		self.assertIn("Reg. 33; IRO Handbook 2010", description("first_review_working_days", "en"))
		self.assertEqual(
			frappe.db.get_value("Notification", "IRO: Care Plan Update Due", "iro_subject_cy"),
			"Diweddaru'r cynllun gofal erbyn: {{ doc.case_number }}",
		)
		left = frappe.get_all(
			"Translation", {"language": ("in", ("en", "en-GB", "cy"))}, ["language", "source_text"]
		)
		self.assertFalse({(row.language, row.source_text) for row in left} & set(welsh_law_overrides()))

	def test_the_workspace_offers_englands_903_return_only_in_england(self):
		def returns_card() -> list[str]:
			links = frappe.get_doc("Workspace", "IRO Service").links
			start = next(i for i, link in enumerate(links) if link.label == "Returns and Letters")
			count = links[start].link_count
			return [link.link_to for link in links[start + 1 : start + 1 + count]]

		self.assertIn("SSDA903 Export", returns_card())
		set_jurisdiction("Wales")
		self.assertEqual([link for link in returns_card() if link.startswith("SSDA903")], [], returns_card())
		self.assertIn("IRO Annual Report", returns_card())
		set_jurisdiction("England")
		self.assertEqual(returns_card()[:2], ["SSDA903 Checks", "SSDA903 Export"])

	def test_the_overrides_are_translation_records_an_admin_can_edit_and_keep(self):
		frappe.get_doc(
			{
				"doctype": "Translation",
				"language": "en",
				"source_text": "Care Plan",
				"translated_text": "Plan for the Child",
			}
		).insert()
		set_jurisdiction("Wales")
		self.assertEqual(frappe._("Care Plan", lang="en"), "Plan for the Child")
		made = frappe.get_all("Translation", {"source_text": "Care Plan RAG", "language": "en"}, pluck="name")
		self.assertEqual(len(made), 1)
		edited = frappe.get_doc("Translation", made[0])
		edited.translated_text = "Care and Support Plan Rating"
		edited.save()

		set_jurisdiction("England")
		self.assertEqual(frappe._("Care Plan", lang="en"), "Plan for the Child")
		self.assertEqual(frappe._("Care Plan RAG", lang="en"), "Care and Support Plan Rating")
		self.assertEqual(frappe._("Care Plan RAG Rating", lang="en"), "Care Plan RAG Rating")

	def test_the_dispute_stages_go_to_the_director_of_social_services_and_cafcass_cymru(self):
		england = stages()
		set_jurisdiction("Wales")
		self.assertIn(("Formal 4", "Director of Social Services"), stages())
		self.assertEqual(stages()[-1], ("Cafcass Cymru referral", "Cafcass Cymru"))
		self.assertTrue(frappe.db.exists("Workflow Document State", {"state": "Cafcass Cymru referral"}))
		self.assertFalse(frappe.db.exists("Workflow Document State", {"state": "Cafcass referral"}))
		set_jurisdiction("England")
		self.assertEqual(stages(), england)

	def test_a_stage_the_site_renamed_keeps_its_name(self):
		settings = frappe.get_doc(SETTINGS)
		settings.dispute_stages[4].addressed_to = "Corporate Director, People"
		settings.save()
		set_jurisdiction("Wales")
		self.assertEqual(stages()[4], ("Formal 4", "Corporate Director, People"))

	def test_practice_standard_dis_03_names_cafcass_cymru_unless_the_site_reworded_it(self):
		set_jurisdiction("Wales")
		statement, statement_cy = frappe.db.get_value(
			"Practice Standard", "DIS-03", ["statement", "statement_cy"]
		)
		self.assertEqual(statement, "Referral to Cafcass Cymru was considered only when proportionate.")
		self.assertIn("Cafcass Cymru", statement_cy)
		set_jurisdiction("England")
		self.assertEqual(frappe.db.get_value("Practice Standard", "DIS-03", "statement"), SHIPPED_DIS_03)

		frappe.db.set_value("Practice Standard", "DIS-03", "statement", "Our own wording about Cafcass.")
		set_jurisdiction("Wales")
		self.assertEqual(
			frappe.db.get_value("Practice Standard", "DIS-03", "statement"), "Our own wording about Cafcass."
		)
