"""A realistic, obviously fictional IRO service to try the app on:

	bench --site SITE execute iro_standards.demo.make
	bench --site SITE execute iro_standards.demo.clear

Every person is a user at ``demo.example.org`` who signs in with ``DEMO_PASSWORD``. Every child is
created by the demo's administrator, so ``clear`` removes exactly the demo's children (with every
record of their files) and the demo's users, and nothing a site entered. The history is built
through the app's own controllers, as a site with the shipped workflows switched off records it
(dates set the status), so the cycle, the deadlines and the overdue flags are the app's own.
"""

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta

import frappe
from frappe import _
from frappe.utils import getdate
from frappe.utils.password import update_password

from iro_standards.install import CASE_WORK_PROFILE
from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import (
	get_site_timescales,
)
from iro_standards.iro_standards.records import delete_child_and_records
from iro_standards.standards.compliance import age_in_years
from iro_standards.standards.education import PEP_MAXIMUM_AGE, PEP_MINIMUM_AGE
from iro_standards.tasks import daily

DEMO_DOMAIN = "demo.example.org"
DEMO_PASSWORD = "Demo-IRO-2026!"
DEMO_ADMIN = f"admin@{DEMO_DOMAIN}"
CASE_PREFIX = "DEMO-"
DUAL_ROLE_BIO = "Chairs reviews and child protection conferences (dual role)."
HISTORY_DAYS = 730
WORKFLOW_DOCTYPES = ("Child Review", "Progress Review", "IRO Dispute", "Child Protection Conference")

TEAMS = {
	"Kingfisher": ("Kit Marsh", ("Sol Avery", "Ren Oakes")),
	"Heron": ("Bea Linden", ("Ash Corrie", "Jo Fairweather")),
	"Otter": ("Mo Hartley", ("Dee Rowan", "Lou Penn")),
}
IROS = (
	"Iona Brook",
	"Rhys Caddell",
	"Priya Moss",
	"Tom Elder",
	"Nia Ffion Gwyn",
	"Sam Okafor",
	"Hal Whitby",
	"Ada Quill (dual role)",
)
WELSH_SPEAKING_IROS = ("Rhys Caddell", "Nia Ffion Gwyn")
CASE_WORK_ROLES = frozenset({"IRO", "Social Worker", "Team Manager"})
MANAGERS = {
	"Morgan Vale": ("IRO Manager",),
	"Carys Holt": ("Head of Service",),
	"Eli Stamp": ("Safeguarding Admin",),
	"Demo Administrator": ("System Manager", "IRO Manager"),
}
FIRST_NAMES = (
	"Alfie Amber Bryn Cai Cerys Dylan Elsie Ezra Freya Gethin Hana Idris Isla Jac Kian Lexi Leo Mali "
	"Mabli Noah Ollie Poppy Rosa Seren Taran Tegan Theo Wren Zara Zak"
).split()
LAST_NAMES = (
	"Alder Birch Bramble Cedar Clover Elm Fern Hawthorn Hazel Heather Holly Juniper Larch Maple "
	"Nettle Oak Poplar Rowan Sorrel Thistle Willow Yarrow"
).split()
LEGAL_STATUSES = ("Interim Care Order", "Full Care Order", "Placement Order")
PLACEMENTS = ("Foster Care", "Kinship Care", "Children's Home", "Placed With Parents", "Semi-Independent")
PLACEMENT_CODES = {
	"Foster Care": (("U4", "PR1"), ("U6", "PR1"), ("U6", "PR4")),
	"Kinship Care": (("U1", "PR1"), ("U3", "PR1")),
	"Children's Home": (("K2", "PR4"), ("K2", "PR1")),
	"Placed With Parents": (("P1", "PR0"),),
	"Semi-Independent": (("K3", "PR4"),),
}
# The council the demo service stands for in each jurisdiction: a real ONS code, so the DfE's
# validator judges the return as it would a council's, and real postcodes inside it.
DEMO_AREAS = {
	"england": (
		"E09000027",
		"Demo Borough (Richmond upon Thames)",
		("TW1 2QB", "TW10 6HZ", "TW11 1EL", "TW12 2BW", "TW2 5XA", "TW9 2FQ", "TW1 4BY", "TW11 8XL"),
	),
	"wales": (
		"W06000015",
		"Demo County (Cardiff)",
		("CF10 1EP", "CF11 9LJ", "CF14 3UZ", "CF23 5HF", "CF24 0DE", "CF3 0EF", "CF5 2YB", "NP10 8XG"),
	),
}
SUPPORTED_ACCOMMODATION_FROM_AGE = 16
SHORT_BREAKS_PLACEMENT = {
	"placement_type": "Foster Care",
	"placement_provider": "Northfield Fostering",
	"placement_code": "U6",
	"provider_code": "PR1",
	"urn": "XXXXXXX",
}
OTHER_CLOCKS = ("short breaks", "placed for adoption", "care leaver", "looked-after mother", "her baby")
ADOPTION_PLACEMENT = {
	"placement_type": "Placed for Adoption",
	"placement_provider": "Demo Regional Adoption Agency",
	"placement_code": "A4",
	"provider_code": "PR1",
	"legal_status_code": "E1",
	"urn": "XXXXXXX",
	"reason_for_change": "Change to the Care Plan",
	"change_reason_code": "CARPL",
}
ETHNICITIES = ("WBRI", "WBRI", "WBRI", "WOTH", "MWBC", "MWAS", "AIND", "BAFR", "OOTH")
CATEGORIES = (
	"Drift in Care Planning",
	"No Social Worker Report",
	"Permanence",
	"Placement",
	"Education",
	"Health",
)
AGENCIES = (
	("Children's social care", "Social worker"),
	("Health", "Health visitor"),
	("Police", "Public protection unit"),
	("Education", "Designated teacher"),
)
CP_CATEGORY_FIELDS = ("category_neglect", "category_physical", "category_emotional", "category_sexual")
RECOMMENDATIONS = (
	("Update the care plan with the contact arrangements", "Social Worker"),
	("Hold the PEP meeting and share the targets", "Designated Teacher"),
	("Arrange the annual health assessment", "Health"),
	("Start life story work with the child", "Social Worker"),
	("Refer to the advocacy service", "Social Worker"),
	("Complete the permanence report for the panel", "Team Manager"),
)


def make(children: int = 300, seed: int = 2026) -> None:
	"""Build the demo service; refused if the site already has it."""
	refuse_unless_system_manager()
	if frappe.db.exists("User", DEMO_ADMIN):
		frappe.throw(_("The demo service is already on this site: clear it first."), title=_("Demo exists"))
	postcodes = give_the_service_what_a_council_sets_up(getdate())
	service = Service(random.Random(seed), getdate(), postcodes)
	service.make_people()
	with acting_as(DEMO_ADMIN), shipped_workflows_off():
		for number in range(1, children + 1):
			service.make_child(number)
			frappe.db.commit()
		for number in range(1, children // 10 + 1):
			service.make_protection_case(number)
			frappe.db.commit()
		service.make_children_on_other_clocks(children + 1)
		frappe.db.commit()
	daily()
	frappe.db.set_value("Dashboard Chart", {"module": "IRO Standards"}, "last_synced_on", None)
	frappe.db.commit()
	print(
		f"Demo service: {children} children, sign in as {DEMO_ADMIN} (or any demo user) with {DEMO_PASSWORD}"
	)


DEMO_TERM = "Demo: {0}"
DEMO_ADVOCACY = "Call the (fictional) Demo Advocacy Service on 0808 000 0000, free, or text 07700 900000."
TERMS = (("Autumn", (9, 3), (12, 19)), ("Spring", (1, 6), (3, 27)), ("Summer", (4, 14), (7, 22)))


def demo_terms(today: date) -> list[tuple[str, date, date]]:
	"""Three school years of terms, the last the one that ends next summer."""
	terms = []
	for year in range(today.year - 2, today.year + 1):
		for term, start, end in TERMS:
			starts = year if term == "Autumn" else year + 1
			terms.append((DEMO_TERM.format(f"{term} {starts}"), date(starts, *start), date(starts, *end)))
	return terms


def give_the_service_what_a_council_sets_up(today: date) -> tuple[str, ...]:
	"""The school terms PEPs follow, the advocacy service letters name and the local authority,
	where the site has none; the postcodes of the demo's area in the site's jurisdiction."""
	settings = frappe.get_single("IRO Standards Settings")
	if not settings.school_terms:
		for term, start, end in demo_terms(today):
			settings.append("school_terms", {"term": term, "start_date": start, "end_date": end})
	settings.advocacy_service = settings.advocacy_service or DEMO_ADVOCACY
	code, name, postcodes = DEMO_AREAS[settings.jurisdiction_code()]
	if not settings.local_authority_code:
		settings.local_authority_code, settings.local_authority_name = code, name
	settings.save(ignore_permissions=True)
	return postcodes


def take_away_what_the_demo_set_up() -> None:
	settings = frappe.get_single("IRO Standards Settings")
	settings.school_terms = [
		row for row in settings.school_terms if not (row.term or "").startswith("Demo: ")
	]
	if settings.advocacy_service == DEMO_ADVOCACY:
		settings.advocacy_service = None
	if settings.local_authority_name in {name for _code, name, _postcodes in DEMO_AREAS.values()}:
		settings.local_authority_code = settings.local_authority_name = None
	settings.save(ignore_permissions=True)


def clear() -> None:
	"""Remove the demo's children with everything on their files, the demo's users, and the school
	terms and advocacy service it set."""
	refuse_unless_system_manager()
	take_away_what_the_demo_set_up()
	for child in demo_children():
		delete_child_and_records(child)
		frappe.db.commit()
	for user in demo_users():
		delete_user(user)
	frappe.db.commit()


def delete_user(user: str) -> None:
	"""Remove a demo user with what Frappe removes with a user. Frappe's own on_trash refuses every
	user deletion on a site whose only System Manager is Administrator, so it is not run."""
	for doctype, field in (("ToDo", "allocated_to"), ("DocShare", "user"), ("User Permission", "user")):
		frappe.db.delete(doctype, {field: user})
	frappe.delete_doc("Notification Settings", user, ignore_permissions=True, ignore_missing=True)
	frappe.delete_doc("User", user, force=True, ignore_permissions=True, ignore_on_trash=True)
	frappe.clear_cache(user=user)


def demo_users() -> list[str]:
	return frappe.get_all("User", filters={"name": ("like", f"%@{DEMO_DOMAIN}")}, pluck="name")


def demo_children() -> list[str]:
	return frappe.get_all("Looked After Child", filters={"owner": DEMO_ADMIN}, pluck="name")


def refuse_unless_system_manager() -> None:
	if "System Manager" not in frappe.get_roles():
		frappe.throw(_("Only a System Manager can build or clear the demo service."), frappe.PermissionError)


@contextmanager
def acting_as(user: str) -> Iterator[None]:
	frappe.set_user(user)
	try:
		yield
	finally:
		frappe.set_user("Administrator")


@contextmanager
def shipped_workflows_off() -> Iterator[None]:
	"""History is recorded by dates, as a site without the workflows records it; the site's
	workflows are active again afterwards, whatever happens."""
	active = frappe.get_all(
		"Workflow", filters={"document_type": ("in", WORKFLOW_DOCTYPES), "is_active": 1}, pluck="name"
	)
	set_workflows_active(active, 0)
	try:
		yield
	finally:
		set_workflows_active(active, 1)


def set_workflows_active(names: list[str], active: int) -> None:
	for name in names:
		frappe.db.set_value("Workflow", name, "is_active", active)
	for doctype in WORKFLOW_DOCTYPES:
		frappe.cache.hdel("workflow", doctype)
		frappe.clear_cache(doctype=doctype)
	frappe.db.commit()


def email_of(full_name: str) -> str:
	local = "".join(
		c for c in full_name.split("(")[0].strip().lower().replace(" ", ".") if c.isalnum() or c == "."
	)
	return f"{local}@{DEMO_DOMAIN}"


def make_user(full_name: str, *roles: str) -> str:
	email = DEMO_ADMIN if full_name == "Demo Administrator" else email_of(full_name)
	first, _space, last = full_name.partition(" ")
	user = frappe.get_doc(
		{
			"doctype": "User",
			"email": email,
			"first_name": first,
			"last_name": last,
			"send_welcome_email": 0,
			"bio": DUAL_ROLE_BIO if "dual" in full_name else None,
			"module_profile": CASE_WORK_PROFILE if CASE_WORK_ROLES.issuperset(roles) else None,
		}
	).insert(ignore_permissions=True)
	user.add_roles(*roles)
	update_password(email, DEMO_PASSWORD)
	return email


class Service:
	"""The demo's people, and one child's history at a time, drawn from a seeded random source."""

	def __init__(self, rng: random.Random, today: date, postcodes: tuple[str, ...]) -> None:
		self.rng = rng
		self.today = today
		self.postcodes = postcodes
		self.teams: dict[str, tuple[str, list[str]]] = {}
		self.iros: list[str] = []

	def make_people(self) -> None:
		for team, (manager, workers) in TEAMS.items():
			self.teams[team] = (
				make_user(manager, "Team Manager"),
				[make_user(w, "Social Worker") for w in workers],
			)
		self.iros = [make_user(name, "IRO") for name in IROS]
		for name in WELSH_SPEAKING_IROS:
			frappe.db.set_value("User", email_of(name), "iro_works_in_welsh", 1)
		for name, roles in MANAGERS.items():
			make_user(name, *roles)
		frappe.db.commit()

	def chance(self, probability: float) -> bool:
		return self.rng.random() < probability

	def days(self, low: int, high: int) -> timedelta:
		return timedelta(days=self.rng.randint(low, high))

	def past(self, day: date | None) -> date | None:
		"""The day, if it has come; None for a day still ahead."""
		return day if day and day <= self.today else None

	def make_child(self, number: int) -> None:
		start = self.today - self.days(8, HISTORY_DAYS)
		born = start - self.days(0, 15 * 365)
		child = self.new_child(number, born, start)
		home = self.rng.choice(self.postcodes)
		episode = self.new_episode(
			child, start, home_postcode=home, placements=[self.placement(start, home, born)]
		)
		last = self.hold_reviews(child)
		self.hold_peps(child.name, start, born)
		if last and self.chance(0.25):
			self.move_placement(episode, start)
		if last and self.chance(0.2):
			self.rate_between_reviews(child, last)
		if self.chance(0.12):
			self.raise_dispute(child, last or start)
		if last and self.chance(0.06):
			self.end_episode(episode, last)

	def new_child(self, number: int, born: date, start: date, **values):
		team = self.rng.choice(list(self.teams))
		team_manager, social_workers = self.teams[team]
		welsh = self.chance(0.15)
		iros = [email_of(name) for name in WELSH_SPEAKING_IROS] if welsh else self.iros
		return frappe.get_doc(
			{
				"doctype": "Looked After Child",
				"first_name": self.rng.choice(FIRST_NAMES),
				"last_name": self.rng.choice(LAST_NAMES),
				"case_number": f"{CASE_PREFIX}{number:04d}",
				"date_of_birth": born,
				"preferred_language": "Welsh" if welsh else "English",
				"allocated_iro": self.rng.choice(iros),
				"iro_notified_on": start,
				"iro_allocated_on": self.past(start + self.days(0, 6)) or self.today,
				"social_worker": self.rng.choice(social_workers),
				"team_manager": team_manager,
				"team": team,
				"knows_iro": int(self.chance(0.8)),
				"advocate_offered": int(self.chance(0.7)),
				"proceedings_live": int(self.chance(0.2)),
				"sex_code": self.rng.choice("MF"),
				"ethnicity_code": self.rng.choice(ETHNICITIES),
				"upn": self.upn(born),
				**values,
			}
		).insert(ignore_permissions=True)

	def new_episode(self, child, start: date, **values):
		return frappe.get_doc(
			{
				"doctype": "Care Episode",
				"child": child.name,
				"start_date": start,
				"legal_status": self.rng.choice(LEGAL_STATUSES),
				"category_of_need": self.rng.choice(("N1", "N1", "N1", "N2", "N4", "N5", "N8")),
				**values,
			}
		).insert(ignore_permissions=True)

	def in_foster_care(self, child, start: date, born: date, **values):
		"""An episode from ``start`` in foster care, away from the child's home."""
		home = self.rng.choice(self.postcodes)
		return self.new_episode(
			child,
			start,
			home_postcode=home,
			placements=[self.placement(start, home, born, kind="Foster Care")],
			**values,
		)

	def make_children_on_other_clocks(self, first_number: int) -> None:
		"""A child on short breaks, a child placed for adoption, a care leaver, and a looked-after
		mother with her baby: each on the clock the regulations set for them."""
		self.make_short_breaks_child(first_number)
		self.make_child_placed_for_adoption(first_number + 1)
		self.make_care_leaver(first_number + 2)
		self.make_mother_and_baby(first_number + 3)

	def make_short_breaks_child(self, number: int) -> None:
		start = self.today - timedelta(days=400)
		child = self.new_child(number, start - timedelta(days=9 * 365), start)
		self.new_episode(
			child,
			start,
			legal_status="Other",
			legal_status_code="V4",
			category_of_need="N1",
			placements=[{**SHORT_BREAKS_PLACEMENT, "moved_on": start}],
		)
		self.hold_reviews(child)

	def make_child_placed_for_adoption(self, number: int) -> None:
		start = self.today - timedelta(days=500)
		placed = self.today - timedelta(days=120)
		child = self.new_child(number, start - timedelta(days=400), start, upn="UN1")
		episode = self.in_foster_care(child, start, start, legal_status="Full Care Order")
		self.hold_reviews(child, until=placed)
		episode.reload()
		episode.append(
			"placements",
			{
				**ADOPTION_PLACEMENT,
				"moved_on": placed,
				"placement_postcode": self.rng.choice(
					[p for p in self.postcodes if p != episode.home_postcode]
				),
			},
		)
		episode.flags.ignore_permissions = True
		episode.save()
		self.hold_reviews(child)

	def make_care_leaver(self, number: int) -> None:
		start = self.today - timedelta(days=3 * 365)
		born = self.today - timedelta(days=16 * 365 + 100)
		child = self.new_child(
			number, born, start, personal_adviser="Jo Adeyemi", personal_adviser_contact="Leaving Care Team"
		)
		self.in_foster_care(child, start, born)
		self.hold_reviews(child)

	def make_mother_and_baby(self, number: int) -> None:
		mother_in_care = self.today - timedelta(days=2 * 365)
		baby_born = self.today - timedelta(days=150)
		mother = self.new_child(
			number,
			self.today - timedelta(days=17 * 365),
			mother_in_care,
			sex_code="F",
			is_mother=1,
			mothers_child_born=baby_born,
		)
		self.in_foster_care(mother, mother_in_care, mother_in_care)
		self.hold_reviews(mother)
		baby_in_care = baby_born + timedelta(days=10)
		baby = self.new_child(
			number + 1,
			baby_born,
			baby_in_care,
			looked_after_parent=mother.name,
			allocated_iro=self.rng.choice([iro for iro in self.iros if iro != mother.allocated_iro]),
			upn="UN1",
		)
		self.in_foster_care(baby, baby_in_care, baby_born)
		self.hold_reviews(baby)

	def hold_peps(self, child: str, start: date, born: date) -> None:
		"""A school-age child's PEPs: the first within a month of coming into care, then one late in
		each term since; one child in ten has missed the latest."""
		if age_in_years(born, start) < PEP_MINIMUM_AGE:
			return
		first = self.past(start + self.days(10, 28))
		held = [first] if first else []
		for term_end in sorted(end for _term, _start, end in demo_terms(self.today)):
			meeting = term_end - self.days(5, 30)
			if held and held[-1] < meeting <= self.today and age_in_years(born, meeting) <= PEP_MAXIMUM_AGE:
				held.append(meeting)
		if len(held) > 1 and self.chance(0.1):
			held.pop()
		if held:
			doc = frappe.get_doc("Looked After Child", child)
			doc.set("peps", [{"held_on": day} for day in held])
			doc.save(ignore_permissions=True)

	def upn(self, born: date) -> str:
		"""A UPN of the right form for a child of school age; UN1 for a younger child."""
		if (self.today - born).days < 5 * 365:
			return "UN1"
		return f"A{self.rng.randrange(10**12):012d}"

	def placement(self, moved_on: date, home: str, born: date, after: str = "", kind: str = "") -> dict:
		"""A placement row with its 903 codes; a few foster placements are left for a person to code,
		as a site that moved from its old system would find them. Supported accommodation only from
		16."""
		old_enough = age_in_years(born, moved_on) >= SUPPORTED_ACCOMMODATION_FROM_AGE
		kind = kind or self.rng.choice(
			[kind for kind in PLACEMENTS if old_enough or kind != "Semi-Independent"]
		)
		code, provider = self.rng.choice(PLACEMENT_CODES[kind])
		coded = kind != "Foster Care" or self.chance(0.9)
		return {
			"moved_on": moved_on,
			"placement_type": kind,
			"placement_provider": self.rng.choice(
				("Northfield Fostering", "Glan-y-Môr Home", "Family and Friends")
			),
			"placement_code": code if coded else None,
			"provider_code": provider,
			"placement_postcode": home
			if code == "P1"
			else self.rng.choice([p for p in self.postcodes if p not in (home, after)]),
			"urn": f"SC{self.rng.randrange(10**6):06d}" if code.startswith("K") else "XXXXXXX",
		}

	def private_conversation(self, code: str) -> dict:
		if code == "PN0":
			return {"spoken_to_privately": 0}
		if self.chance(0.8):
			return {"spoken_to_privately": 1}
		return {
			"spoken_to_privately": 0,
			"not_spoken_privately_reason": "The child chose to talk with their carer there.",
		}

	def childs_voice(self, code: str) -> dict:
		"""What the record says of the child's own part in the review."""
		if code == "PN0":
			return {"placement_considered": "The placement meets the child's needs."}
		return {
			"wishes_and_feelings": self.rng.choice(
				(
					"Wants to stay with their carers and see their brother more often.",
					"Would like to join the football club and keep the same school.",
					"Worries about moving again; wants to know the plan.",
				)
			),
			"how_child_contributed": self.rng.choice(
				("Spoke in the meeting.", "Met the IRO beforehand.", "Sent a drawing and a message.")
			),
			"knows_how_to_contact_iro": "Yes" if self.chance(0.85) else "No",
			"placement_considered": "The placement meets the child's needs.",
		}

	def hold_reviews(self, child, until: date | None = None) -> date | None:
		"""Hold the child's planned reviews, as the cycle makes them, until today (or ``until``); the
		last held date."""
		last = None
		while name := frappe.db.get_value("Child Review", {"open_for_child": child.name}):
			review = frappe.get_doc("Child Review", name)
			held = self.held_date(review)
			if not held or (until and held >= until):
				break
			self.contact_before(child, review, held)
			self.record_review(child, review, held)
			self.close_progress_review(review)
			last = held
		return last

	def held_date(self, review) -> date | None:
		"""When this review is held, or None for one still to come (or left overdue)."""
		planned = getdate(review.planned_date)
		if planned >= self.today or (planned > self.today - timedelta(days=30) and self.chance(0.2)):
			return None
		if review.review_kind != "First" and self.chance(0.05):
			review.update(
				{
					"brought_forward": 1,
					"brought_forward_reason": "Significant Change or Event",
					"planned_date": planned - self.days(7, 30),
				}
			)
			return self.past(getdate(review.planned_date))
		if self.chance(0.05):
			reconvene = planned + self.days(5, 14)
			review.update(
				{
					"adjourned_on": planned,
					"adjournment_reason": "The social worker's report was not ready.",
					"reconvene_date": reconvene,
				}
			)
			return self.past(reconvene)
		return self.past(planned + self.days(1, 25) if self.chance(0.12) else planned)

	def record_review(self, child, review, held: date) -> None:
		code = (
			"PN0"
			if age_in_years(getdate(child.date_of_birth), held) < 4
			else self.rng.choice(("PN1", "PN1", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"))
		)
		review.update(
			{
				"held_date": held,
				"chair": child.allocated_iro,
				"venue": self.rng.choice(("Foster home", "School", "Civic Centre, room 2", "Video call")),
				"participation_code": code,
				"invitations_sent_on": held - timedelta(days=12),
				"sw_report_received_on": held - self.days(1, 8),
				**self.private_conversation(code),
				"care_plan_rag": self.rng.choice(("Green", "Green", "Amber", "Red")),
				"rag_narrative": "The plan meets the child's needs; contact arrangements to be reviewed.",
				**self.childs_voice(code),
			}
		)
		self.add_attendees(review, code)
		for action, responsible in self.rng.sample(RECOMMENDATIONS, self.rng.randint(1, 3)):
			review.append(
				"recommendations",
				{"action": action, "responsible": responsible, "due_by": held + self.days(20, 60)},
			)
		review.flags.ignore_permissions = True
		review.save()
		if review.care_leaver:
			review.update(
				{
					"pathway_plan_reviewed": 1,
					"pathway_plan_needs": "Housing options from 18, and a college place.",
				}
			)
		if review.counted_as == "Second":
			review.permanence_plan_ratified = "Yes" if self.chance(0.85) else "No"
		if not review.held_in_timescale:
			review.late_reason = "The social worker was off sick and the review was rearranged."
		review.next_review_date = self.next_review_agreed(getdate(review.next_review_limit))
		self.record_what_followed(review, held)
		review.submit()

	def next_review_agreed(self, limit: date) -> date:
		"""Up to a fortnight before the limit, and not in the past while the limit is not."""
		agreed = limit - self.days(0, 14)
		return max(agreed, getdate()) if limit >= getdate() else agreed

	def add_attendees(self, review, code: str) -> None:
		child_there = "Attended" if code in ("PN1", "PN3", "PN5") else "Contributed Another Way"
		if code != "PN0":
			review.append(
				"attendees",
				{"attendee_name": "The child", "role": "Child", "participation": child_there},
			)
		if self.chance(0.1):
			review.append(
				"attendees",
				{
					"attendee_name": "Birth parent",
					"role": "Parent",
					"participation": "Excluded",
					"exclusion_reason": "Risk of harm to the carer.",
					"alternative_contribution": "Views taken beforehand by the social worker and read out.",
				},
			)
		else:
			review.append(
				"attendees", {"attendee_name": "Birth parent", "role": "Parent", "participation": "Attended"}
			)
		review.append("attendees", {"attendee_name": "Carer", "role": "Carer", "participation": "Attended"})

	def record_what_followed(self, review, held: date) -> None:
		"""The steps after a review, each one only if its day has come."""
		decided = self.past(held + self.days(0, 7))
		sent = decided and self.past(decided + self.days(0, 3))
		answered = sent and self.past(sent + self.days(1, 8))
		review.update({"decisions_recorded_on": decided, "sent_to_tm_on": sent})
		if not answered:
			return
		disagreed = self.chance(0.06)
		review.update(
			{
				"tm_response": "Disagreed" if disagreed else "Agreed",
				"tm_response_on": answered,
				"tm_comments": "The placement plan needs a decision from the panel first."
				if disagreed
				else "Agreed.",
			}
		)
		if disagreed:
			resolved = self.past(answered + self.days(1, 7))
			outcome = resolved and ("Resolved" if self.chance(0.7) else "Not Resolved")
			if resolved:
				review.update(
					{
						"informal_resolution_on": resolved,
						"informal_resolution_outcome": outcome,
						"dissent": "The IRO's view is that permanence is drifting."
						if outcome == "Not Resolved"
						else None,
					}
				)
			if outcome != "Resolved":
				return
			answered = resolved
		review.update(
			{
				"care_plan_updated_on": self.past(answered + self.days(3, 15)),
				"record_distributed_on": self.past(max(answered, held + self.days(10, 25))),
			}
		)

	def contact_before(self, child, review, held: date) -> None:
		frappe.get_doc(
			{
				"doctype": "IRO Contact",
				"child": child.name,
				"iro": child.allocated_iro,
				"contact_date": max(
					held - self.days(3, 10), getdate(review.planned_date) - timedelta(days=40)
				),
				"kind": self.rng.choice(("Visit", "Call", "Before-Review Consultation")),
				"child_review": review.name,
				"spoken_to_privately": int(self.chance(0.6)),
				"child_knows_iro": int(self.chance(0.85)),
			}
		).insert(ignore_permissions=True)

	def close_progress_review(self, review) -> None:
		name = frappe.db.get_value("Progress Review", {"child_review": review.name})
		if not name:
			return
		progress = frappe.get_doc("Progress Review", name)
		due = getdate(progress.due_date)
		done = self.past(due - self.days(0, 10))
		if not done or self.chance(0.1):
			return
		progress.update(
			{
				"completed_on": max(done, getdate(review.held_date) + timedelta(days=1)),
				"completed_by": review.chair,
				"sw_dialogue_held": 1,
				"overall_rag": self.rng.choice(("Green", "Amber")),
				"notes": "Recommendations on track; the PEP is booked.",
			}
		)
		progress.flags.ignore_permissions = True
		progress.save()
		self.visit(review.child, review.chair, getdate(progress.completed_on))

	def visit(self, child: str, iro: str, day: date) -> None:
		frappe.get_doc(
			{
				"doctype": "IRO Contact",
				"child": child,
				"iro": iro,
				"contact_date": day,
				"kind": "Visit",
				"spoken_to_privately": 1,
				"child_knows_iro": 1,
			}
		).insert(ignore_permissions=True)

	def rate_between_reviews(self, child, last: date) -> None:
		rated = self.past(last + self.days(20, 70))
		if not rated:
			return
		frappe.get_doc(
			{
				"doctype": "Care Plan RAG Update",
				"child": child.name,
				"rated_on": rated,
				"care_plan_rag": self.rng.choice(("Red", "Amber")),
				"rag_narrative": "The placement is under strain and contact has stopped.",
			}
		).insert(ignore_permissions=True)

	def raise_dispute(self, child, since: date) -> None:
		raised = self.past(since + self.days(1, 40)) or self.today
		dispute = frappe.get_doc(
			{
				"doctype": "IRO Dispute",
				"child": child.name,
				"raised_by": child.allocated_iro,
				"raised_on": raised,
				"category": self.rng.choice(CATEGORIES),
				"issue": "The recommendation from the last review has not been acted on.",
				"desired_outcome": "A date for the permanence planning meeting.",
			}
		)
		stages = get_site_timescales().dispute_stages
		entered = raised
		for stage in stages[: self.rng.randint(1, len(stages))]:
			if not self.past(entered):
				break
			dispute.append(
				"stages", {"stage": stage.name, "entered_on": entered, "asked": child.team_manager}
			)
			entered = entered + self.days(3, 12)
		for row in dispute.stages[:-1]:
			row.update(
				{
					"response": "Not agreed at this level.",
					"responded_on": getdate(row.entered_on) + timedelta(days=2),
				}
			)
		ended = self.past(entered)
		if ended and self.chance(0.6):
			withdrawn = self.chance(0.15)
			dispute.update(
				{
					"withdrawn": int(withdrawn),
					"resolved_on": ended,
					"resolution": None if withdrawn else "The meeting is booked and the plan updated.",
				}
			)
		dispute.insert(ignore_permissions=True)

	def move_placement(self, episode, start: date) -> None:
		moved = self.past(start + self.days(30, HISTORY_DAYS // 2))
		if not moved:
			return
		episode.reload()
		reason, code = self.rng.choice(
			(
				("Carer Requested", "CREQO"),
				("Change to the Care Plan", "CARPL"),
				("Allegation or Concern", "ALLEG"),
			)
		)
		earlier = episode.placements[-1]
		born = frappe.db.get_value("Looked After Child", episode.child, "date_of_birth")
		move = self.placement(moved, episode.home_postcode, born, after=earlier.placement_postcode)
		while (move["placement_code"], move["placement_postcode"]) == (
			earlier.placement_code,
			earlier.placement_postcode,
		):
			move = self.placement(moved, episode.home_postcode, born, after=earlier.placement_postcode)
		episode.append("placements", {**move, "reason_for_change": reason, "change_reason_code": code})
		episode.flags.ignore_permissions = True
		episode.save()
		self.decide_on_the_change(episode.child, moved)

	def decide_on_the_change(self, child: str, moved: date) -> None:
		"""The IRO's decision on the move, a few days after it; a recent move is still to decide."""
		decided = self.past(moved + self.days(1, 4))
		change = frappe.db.get_value("Significant Change", {"child": child, "occurred_on": moved})
		if not (decided and change):
			return
		doc = frappe.get_doc("Significant Change", change)
		doc.update(
			{
				"decision": "Not Needed",
				"decision_reason": "The next review is soon enough; the IRO spoke to the child and the new carers.",
				"decided_on": decided,
			}
		)
		doc.save(ignore_permissions=True)

	def end_episode(self, episode, last: date) -> None:
		episode.reload()
		last_move = max((getdate(row.moved_on) for row in episode.placements), default=last)
		ended = self.past(max(last, last_move) + self.days(5, 60))
		if not ended:
			return
		episode.update({"end_date": ended, "end_reason": "Returned Home", "ceased_reason_code": "E4A"})
		episode.flags.ignore_permissions = True
		episode.save()

	def make_protection_case(self, number: int) -> None:
		"""A child subject to child protection conferences who is not looked after, chaired mostly by
		the dual-role IRO: an initial conference (some rescheduled when inquorate, some still to be
		held), and review conferences while the plan lasts, the last of them ending some plans."""
		team = self.rng.choice(list(self.teams))
		team_manager, social_workers = self.teams[team]
		strategy = self.today - self.days(3, HISTORY_DAYS)
		child = frappe.get_doc(
			{
				"doctype": "Looked After Child",
				"first_name": self.rng.choice(FIRST_NAMES),
				"last_name": self.rng.choice(LAST_NAMES),
				"case_number": f"{CASE_PREFIX}CP{number:03d}",
				"date_of_birth": strategy - self.days(100, 14 * 365),
				"social_worker": self.rng.choice(social_workers),
				"team_manager": team_manager,
				"team": team,
			}
		).insert(ignore_permissions=True)
		chair = self.iros[-1] if self.chance(0.7) else self.rng.choice(self.iros)
		conference = self.convene(
			frappe.get_doc(
				{
					"doctype": "Child Protection Conference",
					"child": child.name,
					"chair": chair,
					"conference_kind": "Initial",
					"strategy_discussion": strategy,
				}
			)
		)
		if self.chance(0.1) and self.past(getdate(conference.planned_date) + timedelta(days=10)):
			conference = self.reschedule(conference)
		conference = self.hold_when_due(conference)
		while conference.docstatus == 1 and conference.outcome in ("Plan", "Plan Continues"):
			review = {
				"doctype": "Child Protection Conference",
				"child": child.name,
				"chair": chair,
				"conference_kind": "Review",
				"previous_conference": conference.name,
			}
			conference = self.hold_when_due(self.convene(frappe.get_doc(review)))

	def convene(self, conference):
		"""Plan the conference near its due date, with its preparation recorded as far as today."""
		conference.flags.ignore_permissions = True
		if not conference.name:
			conference.insert()
		due = getdate(conference.conference_due)
		planned = due - self.days(0, 4) if self.chance(0.85) else due + self.days(1, 10)
		start = (
			getdate(conference.strategy_discussion)
			if conference.conference_kind == "Initial"
			else planned - timedelta(days=30)
		)
		conference.update(
			{
				"planned_date": planned,
				"conference_requested_on": self.past(start + timedelta(days=1)),
				"convening_form_received_on": self.past(start + self.days(1, 3)),
				"date_and_chair_confirmed_on": self.past(start + self.days(2, 4)),
				"invitations_sent_on": self.past(start + self.days(3, 6)),
				"invitees": [
					{
						"attendee_name": f"{role} ({agency})",
						"agency": agency,
						"role": role,
						"response": "Attending",
					}
					for agency, role in AGENCIES
				],
			}
		)
		conference.save()
		return conference

	def hold_when_due(self, conference):
		"""Hold a conference whose day has come: outcome, categories, and what follows it so far."""
		held = self.past(getdate(conference.planned_date))
		if not held:
			return conference
		outcome = self.outcome(conference.conference_kind)
		for row in conference.invitees:
			row.attended = 1
		conference.update(
			{
				"held_date": held,
				"quoracy_first_checked_on": held - timedelta(days=6),
				"quoracy_final_checked_on": held - timedelta(days=5),
				"family_told_on": held - timedelta(days=1),
				"family_met": 1,
				"child_attendance_planned": int(self.chance(0.5)),
				"sw_report_received_on": held - self.days(2, 6),
				"outline_plan_included": 1,
				"tm_comments_included": int(self.chance(0.8)),
				"outcome": outcome,
				"plan_end_reason": "The risks have reduced and the family works with the plan."
				if outcome == "Plan Ended"
				else None,
			}
		)
		if outcome in ("Plan", "Plan Continues"):
			for field in self.rng.sample(CP_CATEGORY_FIELDS, self.rng.choice((1, 1, 2))):
				conference.set(field, 1)
		conference.save()
		conference.submit()
		conference.update(
			{
				"report_distributed_on": self.past(held + self.days(5, 15)),
				"next_conference_date": conference.next_conference_due,
			}
		)
		if conference.core_group_due:
			conference.core_group_met_on = self.past(getdate(conference.core_group_due) - self.days(0, 5))
		if conference.progress_check_due and self.chance(0.8):
			conference.progress_check_on = self.past(
				getdate(conference.progress_check_due) - self.days(0, 10)
			)
		conference.save()
		return conference

	def outcome(self, kind: str) -> str:
		if kind == "Initial":
			return "Plan" if self.chance(0.75) else "No Plan"
		return "Plan Ended" if self.chance(0.3) else "Plan Continues"

	def reschedule(self, conference):
		"""An inquorate conference the managers rescheduled: convened again as a new record, a week on."""
		conference.update(
			{
				"proceed_decision": "Reschedule",
				"decided_by": email_of("Morgan Vale"),
				"decision_reason": "Health and police could not attend.",
				"quoracy_first_checked_on": self.past(getdate(conference.planned_date) - timedelta(days=6)),
			}
		)
		conference.save()
		again = frappe.get_doc("Child Protection Conference", {"rescheduled_from": conference.name})
		again.flags.ignore_permissions = True
		again.planned_date = getdate(conference.planned_date) + self.days(5, 9)
		again.save()
		return again
