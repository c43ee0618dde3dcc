"""Data for the browser layer of CI, made on a throw-away test site (`bench execute`)."""

import json
from datetime import date

import frappe
from frappe.utils.password import update_password

from iro_standards import demo
from iro_standards.tests.factories import make_looked_after_child, make_user

PASSWORD = "Browser-Test-2026!"
PAYLOAD = "<img src=x onerror=\"alert('xss')\"><script>alert('xss')</script><svg onload=alert('xss')>"


def xss_review() -> None:
	"""An IRO submits a review, sending script in every text with the submit (the path Frappe does
	not sanitise); the IRO manager will open it."""
	if not frappe.conf.allow_tests:
		frappe.throw("The browser layer seeds only a site with allow_tests set.")
	frappe.db.set_single_value("System Settings", "setup_complete", 1)
	iro = make_user("browser.iro@example.com", "IRO")
	manager = make_user("browser.manager@example.com", "IRO Manager")
	for user in (iro, manager):
		update_password(user, PASSWORD)
	child = make_looked_after_child(
		date(2025, 12, 20),
		allocated_iro=iro,
		case_number="XSS-1",
		first_name=f"Xss {PAYLOAD}",
		last_name="Child",
	)
	frappe.set_user(iro)
	review = frappe.get_doc(
		{
			"doctype": "Child Review",
			"child": child.name,
			"planned_date": date(2026, 1, 19),
			"held_date": date(2026, 1, 19),
			"participation_code": "PN1",
			"chair": iro,
			"care_plan_rag": "Amber",
			"spoken_to_privately": 1,
			"knows_how_to_contact_iro": "Yes",
		}
	).insert()
	review.update(
		{
			"next_review_date": review.next_review_limit,
			"late_reason": f"Late {PAYLOAD}",
			"venue": f"Hall {PAYLOAD}",
			"rag_narrative": json.dumps([PAYLOAD]),
			"attendees": [{"attendee_name": f"Mum {PAYLOAD}", "role": "Parent", "participation": "Attended"}],
			"recommendations": [
				{
					"action": f"Book a dentist {PAYLOAD}",
					"responsible": f"Carer {PAYLOAD}",
					"due_by": date(2026, 3, 1),
				}
			],
		}
	)
	review.submit()
	frappe.set_user("Administrator")
	frappe.db.commit()
	print(
		json.dumps(
			{"review": review.name, "child": child.name, "manager": manager, "iro": iro, "password": PASSWORD}
		)
	)


DEMO_CHILDREN = 100


def ensure_demo() -> None:
	"""The demo service, a third of its usual size: every record the walks open, in CI's time."""
	if not frappe.conf.allow_tests:
		frappe.throw("The browser layer seeds only a site with allow_tests set.")
	frappe.db.set_single_value("System Settings", "setup_complete", 1)
	frappe.db.set_default("desktop:home_page", "workspace")
	if not demo.demo_users():
		demo.make(children=DEMO_CHILDREN)


def demo_day() -> None:
	"""The demo service on the test site, and the records each role's walk opens."""
	ensure_demo()
	welsh_iro = demo.email_of(demo.IROS[4])
	frappe.db.set_value("User", welsh_iro, "language", "cy")
	iro = demo.email_of(demo.IROS[0])
	review = awaiting_a_team_manager()
	chair = demo.email_of(demo.IROS[-1])
	on_plan = frappe.db.get_value(
		"Looked After Child", {"cp_chair": chair, "on_cp_plan": 1}, ["name", "case_number"], as_dict=True
	)
	frappe.db.commit()
	print(
		json.dumps(
			{
				"password": demo.DEMO_PASSWORD,
				"iro": iro,
				"iro_case_number": frappe.db.get_value(
					"Looked After Child", {"allocated_iro": iro}, "case_number"
				),
				"iro_planned_review": frappe.db.get_value(
					"Child Review",
					{"allocated_iro": iro, "status": "Planned", "held_date": ("is", "not set")},
				),
				"iro_name": demo.IROS[0],
				"social_worker": social_worker_with_a_report_due(),
				"welsh_iro": welsh_iro,
				"manager": demo.email_of("Morgan Vale"),
				"team_manager": review.team_manager,
				"tm_review": review.name,
				"chair": chair,
				"cp_child": on_plan.name,
				"cp_case_number": on_plan.case_number,
				"other_clocks": {
					"short-breaks": frappe.db.get_value(
						"Looked After Child", {"review_regime": "Short Breaks"}
					),
					"placed-for-adoption": frappe.db.get_value(
						"Looked After Child", {"review_regime": "Placed for Adoption"}
					),
					"care-leaver": frappe.db.get_value(
						"Looked After Child", {"personal_adviser": ("is", "set"), "status": "Looked After"}
					),
				},
				"cp_conference": frappe.db.get_value(
					"Child Protection Conference", {"child": on_plan.name, "docstatus": 1}
				),
			}
		)
	)


def social_worker_with_a_report_due() -> str:
	"""A demo social worker whose report for a planned review falls in My Work's five weeks."""
	return frappe.db.get_value(
		"Child Review",
		{
			"owner": ("like", f"%@{demo.DEMO_DOMAIN}"),
			"docstatus": 0,
			"status": "Planned",
			"social_worker": ("is", "set"),
			"sw_report_received_on": ("is", "not set"),
			"sw_report_due": ("<=", frappe.utils.add_days(frappe.utils.getdate(), 28)),
		},
		"social_worker",
	)


def awaiting_a_team_manager():
	"""A demo review waiting for its team manager; any held one when the demo's dates left none."""
	demo_reviews = {"owner": ("like", f"%@{demo.DEMO_DOMAIN}"), "docstatus": 1}
	name = frappe.db.get_value("Child Review", {**demo_reviews, "status": "With Team Manager"})
	return frappe.get_doc("Child Review", name or frappe.db.get_value("Child Review", demo_reviews))


WELSH_WALKER = "Eira Cadwaladr"


def welsh_day() -> None:
	"""The demo service set to Wales, a Welsh-speaking IRO manager who also chairs reviews, and where
	the walk finds the desk's English strings (Frappe's catalogue and the app's) to look for."""
	ensure_demo()
	settings = frappe.get_doc("IRO Standards Settings")
	settings.jurisdiction = "Wales"
	settings.local_authority_code, settings.local_authority_name, _postcodes = demo.DEMO_AREAS["wales"]
	settings.save()
	user = demo.email_of(WELSH_WALKER)
	if not frappe.db.exists("User", user):
		demo.make_user(WELSH_WALKER, "IRO Manager", "IRO")
	frappe.db.set_value("User", user, {"language": "cy", "iro_works_in_welsh": 1})
	frappe.db.commit()
	print(
		json.dumps(
			{
				"password": demo.DEMO_PASSWORD,
				"user": user,
				"social_worker": frappe.db.get_value(
					"Has Role",
					{"role": "Social Worker", "parent": ("like", f"%@{demo.DEMO_DOMAIN}")},
					"parent",
				),
				"frappe_catalogue": frappe.get_app_path("frappe", "locale", "main.pot"),
				"app_welsh": frappe.get_app_path("iro_standards", "translations", "cy.csv"),
				"cp_conference": frappe.db.get_value(
					"Child Protection Conference",
					{"docstatus": 1, "outcome": "Plan", "conference_kind": "Initial"},
				),
			}
		)
	)
