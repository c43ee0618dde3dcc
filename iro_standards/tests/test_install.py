import frappe
from frappe.desk.desktop import get_workspace_sidebar_items
from frappe.model.sync import sync_for
from frappe.tests.utils import FrappeTestCase

from iro_standards.install import CASE_WORK_PROFILE, ROLES, after_migrate, keep_case_roles_from_the_first_user
from iro_standards.iro_standards.doctype.child_review.child_review import REPORTING_INDEXES
from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import SETTINGS
from iro_standards.patches import replace_held_review_index
from iro_standards.tests.factories import make_user

APP_DOCTYPES = ("IRO Standards Settings", "IRO Closure Day", "IRO Dispute Stage Timescale")


def doctype_versions() -> dict:
	return dict(frappe.get_all("DocType", {"module": "IRO Standards"}, ["name", "modified"], as_list=True))


class TestInstall(FrappeTestCase):
	def tearDown(self):
		frappe.db.rollback()
		frappe.clear_cache(doctype=SETTINGS)

	def test_app_is_installed_with_its_module_and_doctypes(self):
		self.assertIn("iro_standards", frappe.get_installed_apps())
		self.assertEqual(frappe.db.get_value("Module Def", "IRO Standards", "app_name"), "iro_standards")
		self.assertTrue(set(APP_DOCTYPES) <= set(doctype_versions()))

	def test_welsh_is_an_enabled_language(self):
		self.assertEqual(frappe.db.get_value("Language", "cy", ["language_name", "enabled"]), ("Cymraeg", 1))

	def test_people_are_shown_by_name_unless_the_site_decided_otherwise(self):
		self.assertTrue(frappe.get_meta("User").show_title_field_in_link)
		setter = {"doc_type": "User", "property": "show_title_field_in_link"}
		frappe.db.set_value("Property Setter", setter, "value", "0")
		after_migrate()
		self.assertEqual(frappe.get_all("Property Setter", setter, pluck="value"), ["0"])
		frappe.db.delete("Property Setter", setter)
		after_migrate()
		self.assertEqual(frappe.get_all("Property Setter", setter, pluck="value"), ["1"])

	def test_after_migrate_twice_changes_nothing(self):
		after_migrate()
		modified = frappe.db.get_singles_dict(SETTINGS, cast=True).modified
		stages = frappe.db.count("IRO Dispute Stage Timescale")
		self.assertIsNotNone(modified)
		self.assertEqual(stages, 6)
		after_migrate()
		self.assertEqual(frappe.db.count("IRO Dispute Stage Timescale"), stages)
		self.assertEqual(frappe.db.count("Language", {"name": "cy"}), 1)
		self.assertEqual(frappe.db.get_singles_dict(SETTINGS, cast=True).modified, modified)

	def test_syncing_the_module_again_changes_no_doctype(self):
		before = doctype_versions()
		sync_for("iro_standards")
		self.assertEqual(doctype_versions(), before)

	def test_a_sites_edited_dispute_stages_survive_migrate(self):
		settings = frappe.get_doc(SETTINGS)
		settings.dispute_stages[0].response_working_days = 3
		settings.dispute_stages[0].addressed_to = "Practice supervisor"
		settings.save()
		after_migrate()
		row = frappe.get_doc(SETTINGS).dispute_stages[0]
		self.assertEqual((row.response_working_days, row.addressed_to), (3, "Practice supervisor"))

	def test_a_site_that_lost_its_dispute_stages_gets_the_defaults_back(self):
		frappe.db.delete("IRO Dispute Stage Timescale", {"parent": SETTINGS})
		frappe.clear_cache(doctype=SETTINGS)
		after_migrate()
		stages = [row.stage for row in frappe.get_doc(SETTINGS).dispute_stages]
		self.assertEqual(stages[0], "Informal")
		self.assertEqual(len(stages), 6)


class TestReportingIndexes(FrappeTestCase):
	def review_indexes(self) -> set[str]:
		return {row.Key_name for row in frappe.db.sql("show index from `tabChild Review`", as_dict=True)}

	def test_held_reviews_are_indexed_by_date_with_the_columns_reports_group_by(self):
		indexes = self.review_indexes()
		self.assertLessEqual(set(REPORTING_INDEXES), indexes)
		self.assertNotIn("held_date", indexes)

	def test_the_patch_replaces_the_narrow_held_date_indexes(self):
		frappe.db.sql_ddl("alter table `tabChild Review` drop index held_reviews_by_child_and_rag")
		frappe.db.sql_ddl(
			"alter table `tabChild Review` add index docstatus_held_date_index (docstatus, held_date)"
		)
		replace_held_review_index.execute()
		indexes = self.review_indexes()
		self.assertNotIn("docstatus_held_date_index", indexes)
		self.assertIn("held_reviews_by_child_and_rag", indexes)


class TestTheSetupWizardsFirstUser(FrappeTestCase):
	def tearDown(self):
		frappe.db.rollback()

	def test_the_user_the_wizard_makes_holds_no_case_role(self):
		from frappe.desk.page.setup_wizard.setup_wizard import add_all_roles_to

		email = f"wizard.{frappe.generate_hash(length=8)}@example.com"
		self.addCleanup(remove_user, email)
		frappe.get_doc({"doctype": "User", "email": email, "first_name": "Wizard"}).insert()
		add_all_roles_to(email)
		self.assertTrue(set(ROLES) <= set(frappe.get_roles(email)))
		self.assertIn(
			"iro_standards.install.keep_case_roles_from_the_first_user",
			frappe.get_hooks("setup_wizard_complete"),
		)
		keep_case_roles_from_the_first_user({"email": email})
		frappe.clear_cache(user=email)
		roles = set(frappe.get_roles(email))
		self.assertFalse(roles & set(ROLES))
		self.assertIn("System Manager", roles)


def remove_user(email: str) -> None:
	"""Frappe commits while giving a user roles: the wizard's user is removed for good."""
	frappe.db.rollback()
	if frappe.db.exists("User", email):
		frappe.delete_doc("User", email, force=True, ignore_permissions=True)
		frappe.db.commit()


class TestCaseWorkModuleProfile(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def test_case_workers_given_the_profile_see_the_service_not_the_sites_admin_workspaces(self):
		iro = make_user("profile.iro@example.com", "IRO")
		frappe.db.set_value("User", iro, "module_profile", CASE_WORK_PROFILE)
		frappe.get_doc("User", iro).save(ignore_permissions=True)
		frappe.clear_cache(user=iro)
		frappe.set_user(iro)
		shown = {page["name"] for page in get_workspace_sidebar_items()["pages"]}
		self.assertFalse(shown & {"Users", "Website", "Tools", "Integrations", "Build"}, shown)
		self.assertIn("My Work", shown)
