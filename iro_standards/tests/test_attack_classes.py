"""The classes of attack a red-team pass found on the app, each tried over real HTTP as every role
that may not access a child, and as Guest, with a child's whole file marked so any leak shows:

1. link searches with flags that skip the permission hooks;
2. a table row of another record sent under one's own record;
3. print formats rendered for documents the reader sends;
4. the app's overrides returning records they did not check;
5. names spelt with characters the database gives no weight;
6. script stored through a submit, or printed unescaped;
7. arguments of the wrong type or shape;
8. sizes and values out of bounds.

The table and search rules are generic: a DocType and table made in the test, which no code of the
app names, are covered too.
"""

import json

import frappe

from iro_standards.permissions import CHILD, CHILD_RECORDS, child_tables, protected_doctypes, references
from iro_standards.tests.live_server import LiveServerTestCase
from iro_standards.tests.marked_records import make_marked_child_file
from iro_standards.tests.test_adversarial import whitelisted_methods
from iro_standards.writes import MOST_ROWS

MARKER = "zqclassmark"
OWN_MARKER = "zqownclassmark"
TAKEN = "zqtakenrow"
NEW_DOCTYPE = "IRO Test Referral"
SETTINGS = "IRO Standards Settings"
NEW_TABLE = "IRO Test Referral Note"
SCRIPT = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
HOSTILE_VALUES = ("x", "{", "[1", '{"a": 1}', "[1, 2]", "-5", "1e999", "null", "true", '[["name"]]')


def make_new_doctypes() -> None:
	"""A DocType and a table an admin might add later, linking to a child: no code names them."""
	for name, istable, fields in (
		(NEW_TABLE, 1, [{"fieldname": "note", "fieldtype": "Data", "label": "Note"}]),
		(
			NEW_DOCTYPE,
			0,
			[
				{"fieldname": "child", "fieldtype": "Link", "options": CHILD, "label": "Child"},
				{"fieldname": "summary", "fieldtype": "Data", "label": "Summary"},
				{"fieldname": "notes", "fieldtype": "Table", "options": NEW_TABLE, "label": "Notes"},
			],
		),
	):
		if frappe.db.exists("DocType", name):
			continue
		frappe.get_doc(
			{
				"doctype": "DocType",
				"name": name,
				"module": "Custom",
				"custom": 1,
				"istable": istable,
				"autoname": "hash",
				"fields": fields,
				"permissions": []
				if istable
				else [
					{"role": role, "read": 1, "write": 1, "create": 1}
					for role in ("IRO", "Social Worker", "Team Manager")
				],
			}
		).insert(ignore_permissions=True)


def drop_new_doctypes() -> None:
	for name in (NEW_DOCTYPE, NEW_TABLE):
		if frappe.db.exists("DocType", name):
			frappe.delete_doc("DocType", name, force=True, ignore_permissions=True)


def referral(child: str, marker: str) -> dict[str, list[str]]:
	doc = frappe.get_doc(
		{
			"doctype": NEW_DOCTYPE,
			"child": child,
			"summary": f"{marker} referral",
			"notes": [{"note": f"{marker} referral note"}],
		}
	).insert(ignore_permissions=True)
	return {NEW_DOCTYPE: [doc.name], NEW_TABLE: [row.name for row in doc.notes]}


class TestTheAttackClasses(LiveServerTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		make_new_doctypes()
		cls.make_scoped_logins("classes")
		cls.manager = cls.make_login("classes.manager@example.com", "IRO Manager")
		cls.victim = make_marked_child_file(MARKER, cls.victim_iro, team_manager=cls.victim_tm)
		cls.own = make_marked_child_file(OWN_MARKER, cls.attacker)
		cls.victim.update(referral(cls.victim[CHILD][0], MARKER))
		cls.own.update(referral(cls.own[CHILD][0], OWN_MARKER))
		cls.scoped_users = (cls.attacker, cls.social_worker, cls.team_manager, cls.desk_user, None)
		cls.serve(cls.victim[CHILD][0], cls.own[CHILD][0])

	@classmethod
	def tearDownClass(cls):
		frappe.db.rollback()
		frappe.set_user("Administrator")
		frappe.db.delete(NEW_DOCTYPE)
		frappe.db.delete(NEW_TABLE)
		drop_new_doctypes()
		for tag in frappe.get_all("Tag", filters={"name": ("like", "zq%")}, pluck="name"):
			frappe.delete_doc("Tag", tag, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def victim_names(self) -> list[str]:
		return [name for names in self.victim.values() for name in names]

	def leaks(self, text: str, sent: str = "") -> list[str]:
		lowered = text.lower()
		found = [MARKER] if MARKER in lowered else []
		found += [name for name in self.victim_names() if name.lower() in lowered and name not in sent]
		return found

	def snapshot(self) -> str:
		frappe.db.rollback()
		names = self.victim_names()
		return frappe.as_json(
			{
				doctype: frappe.get_all(
					doctype, filters={"name": ("in", names)}, fields=["*"], order_by="name"
				)
				for doctype in (*protected_doctypes(), NEW_DOCTYPE, NEW_TABLE)
			}
		)

	def call(self, session, method: str, **arguments):
		return session.post(f"{self.base}/api/method/{method}", data=arguments, timeout=30)

	def searchable_doctypes(self) -> list[str]:
		referencing = [
			doctype
			for doctype in frappe.get_all(
				"DocType", {"istable": 0, "issingle": 0, "is_virtual": 0}, pluck="name"
			)
			if references(doctype)
		]
		return sorted({*protected_doctypes(), *referencing, NEW_DOCTYPE, NEW_TABLE})

	def test_1_no_search_lists_a_record_the_user_may_not_open(self):
		self.assertIn(NEW_DOCTYPE, self.searchable_doctypes())
		flags = (
			{"ignore_user_permissions": 1},
			{"ignore_user_permissions": 1, "reference_doctype": CHILD, "as_dict": 1},
			{"ignore_user_permissions": "1", "page_length": 500, "start": 0},
			{"ignore_user_permissions": 1, "filters": json.dumps({"child": self.victim[CHILD][0]})},
		)
		problems = []
		for user in self.scoped_users:
			session = self.session(user)
			for doctype in self.searchable_doctypes():
				for extra in flags:
					for method, txt in (
						("frappe.desk.search.search_widget", ""),
						("frappe.desk.search.search_link", ""),
						("frappe.desk.search.search_widget", "zq"),
					):
						sent = {"doctype": doctype, "txt": txt, **extra}
						answer = self.call(session, method, **sent)
						if found := self.leaks(answer.text, json.dumps(sent)):
							problems.append(f"{user} {method} {sent}: {found}")
		self.assertEqual(problems, [], "\n".join(problems[:20]))

	def test_1_searches_still_list_ones_own_records_with_the_flag(self):
		answer = self.call(
			self.session(self.attacker),
			"frappe.desk.search.search_link",
			doctype=NEW_DOCTYPE,
			txt="",
			ignore_user_permissions=1,
		)
		self.assertIn(self.own[NEW_DOCTYPE][0], answer.text)
		self.assertNotIn(self.victim[NEW_DOCTYPE][0], answer.text)

	def tables_to_take(self) -> list[tuple[str, str, str]]:
		"""(parent DocType, table field, table DocType) of every table of a child's file, and of
		the DocType made in the test."""
		found = [
			(parent, df.fieldname, df.options)
			for parent in (CHILD, *CHILD_RECORDS, NEW_DOCTYPE)
			for df in frappe.get_meta(parent).get_table_fields()
		]
		self.assertEqual({table for _parent, _field, table in found}, {*child_tables(), NEW_TABLE})
		return found

	def victim_row(self, parent: str, fieldname: str, table: str) -> str | None:
		return frappe.db.get_value(
			table,
			{"parenttype": parent, "parentfield": fieldname, "parent": ("in", self.victim[parent])},
			"name",
		)

	def test_2_no_row_of_another_record_can_be_taken_into_ones_own(self):
		before = self.snapshot()
		session = self.session(self.attacker)
		taken, tried = [], 0
		for parent, fieldname, table in self.tables_to_take():
			row = self.victim_row(parent, fieldname, table)
			own = self.own[parent][0]
			if not row:
				continue
			tried += 1
			text_field = next(
				(
					df.fieldname
					for df in frappe.get_meta(table).fields
					if df.fieldtype in ("Data", "Small Text")
				),
				"idx",
			)
			path = f"{self.base}/api/resource/{parent}/{own}"
			stolen = {"name": row, text_field: TAKEN}
			rest = session.put(path, json={fieldname: [stolen]}, timeout=30)
			doc = session.get(path, timeout=30).json()["data"]
			doc[fieldname] = [*doc.get(fieldname, []), {**stolen, "doctype": table}]
			action = "Update" if doc.get("docstatus") == 1 else "Save"
			desk = self.call(session, "frappe.desk.form.save.savedocs", doc=json.dumps(doc), action=action)
			for answer in (rest, desk):
				if answer.status_code < 400 or self.leaks(answer.text, json.dumps(stolen)):
					taken.append(f"{parent}.{fieldname} ({action}): {answer.status_code} {answer.text[:200]}")
		self.assertGreaterEqual(tried, len(child_tables()))
		self.assertEqual(self.snapshot(), before, "a row of the victim's file changed")
		self.assertEqual(taken, [], "\n".join(taken))

	def test_2_a_row_of_ones_own_record_can_still_be_edited(self):
		session = self.session(self.attacker)
		own = self.own[NEW_DOCTYPE][0]
		row = self.own[NEW_TABLE][0]
		answer = session.put(
			f"{self.base}/api/resource/{NEW_DOCTYPE}/{own}",
			json={"notes": [{"name": row, "note": "edited"}]},
			timeout=30,
		)
		self.assertEqual(answer.status_code, 200, answer.text)
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value(NEW_TABLE, row, "note"), "edited")

	def test_2_no_row_of_a_frappe_record_may_point_at_a_childs_file_however_the_body_is_sent(self):
		"""A Contact's or Address's links and an Event's participants are table rows: Frappe fills a
		link's title by reading the linked record, so a row pointing at a child's record would hand
		back the child's name."""
		child = self.victim[CHILD][0]
		missing = child.rsplit("-", 1)[0] + "-99999"
		links = [{"link_doctype": CHILD, "link_name": child}]
		bodies = {
			"Contact": {"first_name": "zqcontact", "links": links},
			"Address": {"address_line1": "1 Road", "city": "Town", "address_type": "Billing", "links": links},
			"Event": {
				"subject": "zqevent",
				"starts_on": "2026-01-01 10:00:00",
				"event_type": "Public",
				"event_participants": [{"reference_doctype": CHILD, "reference_docname": child}],
			},
		}
		before = frappe.db.count("Dynamic Link", {"link_name": child}) + frappe.db.count(
			"Event Participants", {"reference_docname": child}
		)
		problems = []
		for user in (self.desk_user, self.attacker, self.social_worker):
			session = self.session(user)
			for doctype, body in bodies.items():
				answers = {}
				for name in (child, missing):
					sent = json.loads(json.dumps(body).replace(child, name))
					for how, content_type in (
						("json", None),
						("text/plain", "text/plain"),
						("form key", "application/x-www-form-urlencoded"),
					):
						answer = self.post_body(
							session, f"{self.base}/api/resource/{doctype}", sent, content_type
						)
						answers.setdefault(how, []).append(
							(answer.status_code, answer.text.replace(name, "<name>"))
						)
						if answer.status_code < 400 or self.leaks(answer.text, name):
							problems.append(
								f"{user} {doctype} {how} {name}: {answer.status_code} {answer.text[:150]}"
							)
				problems.extend(
					f"{user} {doctype} {how}: a missing record answers differently"
					for how, (found, absent) in answers.items()
					if found != absent
				)
		frappe.db.rollback()
		after = frappe.db.count("Dynamic Link", {"link_name": child}) + frappe.db.count(
			"Event Participants", {"reference_docname": child}
		)
		self.assertEqual(after, before, "a row pointing at the child was written")
		self.assertEqual(problems, [], "\n".join(problems[:20]))

	@staticmethod
	def post_body(session, path: str, sent: dict, content_type: str | None):
		"""A body sent as JSON, or as its text under another content type."""
		if not content_type:
			return session.post(path, json=sent, timeout=30)
		return session.post(path, data=json.dumps(sent), headers={"Content-Type": content_type}, timeout=30)

	def app_print_formats(self) -> list[frappe._dict]:
		formats = frappe.get_all(
			"Print Format", filters={"module": "IRO Standards"}, fields=["name", "doc_type"]
		)
		self.assertGreaterEqual(len(formats), 3)
		return formats

	def test_3_print_formats_print_only_saved_records_the_reader_may_print(self):
		problems = []
		for user in self.scoped_users:
			session = self.session(user)
			for print_format in self.app_print_formats():
				for links in (self.links_to_the_victim(), self.links_to_the_victim(hidden="\u034f")):
					problems.extend(self.print_attempts(session, user, print_format, links))
				page = self.get(
					session, "/printview", doctype=CHILD, name=self.own[CHILD][0], format=print_format.name
				)
				if found := self.leaks(page.text):
					problems.append(f"{user} /printview of another DocType with {print_format.name}: {found}")
		self.assertEqual(problems, [], "\n".join(problems[:20]))

	def links_to_the_victim(self, hidden: str = "") -> dict:
		"""The victim's records, their names spelt plainly or with a character the database ignores."""
		return {
			field: name[:2] + hidden + name[2:]
			for field, name in (
				("child", self.victim[CHILD][0]),
				("child_review", self.victim["Child Review"][0]),
				("iro", self.victim_iro),
			)
		}

	def print_attempts(self, session, user, print_format, links) -> list[str]:
		"""Print previews of documents sent unsaved, of another DocType, forged from one's own record, or
		another child's record by name: none prints the victim's file."""
		problems = []
		unsaved = {"doctype": print_format.doc_type, "name": "new-print-1", "__islocal": 1, **links}
		other_doctype = {
			"doctype": "ToDo",
			"name": "x",
			"description": "x",
			"allocated_to": user,
			"assigned_by": user,
			"owner": user,
			**links,
		}
		attempts = [{"doc": json.dumps(unsaved)}, {"doc": json.dumps(other_doctype)}]
		if print_format.doc_type in self.own:
			own_saved = frappe.get_doc(print_format.doc_type, self.own[print_format.doc_type][0])
			attempts.append({"doc": json.dumps({**json.loads(own_saved.as_json()), **links})})
			attempts.append({"doc": print_format.doc_type, "name": self.victim[print_format.doc_type][0]})
		for attempt in attempts:
			answer = self.call(
				session,
				"frappe.www.printview.get_html_and_style",
				print_format=print_format.name,
				**attempt,
			)
			if found := self.leaks(answer.text) + self.leaks(answer.text.replace("\u034f", "")):
				problems.append(f"{user} {print_format.name} {list(attempt)}: {found}")
		return problems

	def test_3_rows_of_a_childs_file_are_not_printed_liked_or_tagged_on_their_own(self):
		"""Frappe checks a row loaded on its own against its parent DocType only; each row of the
		victim's file, named with its table, is refused like a missing one."""
		problems = []
		for user in (self.attacker, self.social_worker, self.team_manager):
			session = self.session(user)
			for table in child_tables():
				for row in self.victim.get(table, [])[:1]:
					answers = [
						self.get(session, "/printview", doctype=table, name=row),
						self.get(
							session,
							"/api/method/frappe.utils.print_format.download_pdf",
							doctype=table,
							name=row,
						),
						self.call(
							session, "frappe.desk.like.toggle_like", doctype=table, name=row, add="Yes"
						),
						self.call(
							session, "frappe.desk.doctype.tag.tag.add_tag", tag="zqrow", dt=table, dn=row
						),
						self.call(
							session,
							"frappe.desk.form.document_follow.follow_document",
							doctype=table,
							doc_name=row,
							user=user,
						),
					]
					for answer in answers:
						if answer.status_code not in (403, 404, 417) or self.leaks(answer.text, row):
							problems.append(f"{user} {answer.url}: {answer.status_code} {answer.text[:120]}")
		self.assertEqual(problems, [], "\n".join(problems[:20]))

	def test_3_the_reader_still_prints_their_own_records(self):
		session = self.session(self.attacker)
		for print_format in self.app_print_formats():
			if print_format.doc_type not in self.own:
				continue
			answer = self.call(
				session,
				"frappe.www.printview.get_html_and_style",
				doc=print_format.doc_type,
				name=self.own[print_format.doc_type][0],
				print_format=print_format.name,
			)
			self.assertEqual(answer.status_code, 200, answer.text)
			self.assertIn(OWN_MARKER, answer.text)

	def test_4_linked_submitted_records_are_listed_only_when_readable(self):
		standards = frappe.get_all(
			"Practice Standard Check",
			{"parent": ("in", self.victim["Child Review"])},
			pluck="practice_standard",
		)
		self.assertTrue(standards)
		for user in (self.attacker, self.social_worker, self.team_manager):
			session = self.session(user)
			for standard in set(standards):
				answer = self.call(
					session,
					"frappe.desk.form.linked_with.get_submitted_linked_docs",
					doctype="Practice Standard",
					name=standard,
				)
				self.assertEqual(self.leaks(answer.text), [], answer.text)

	def test_4_frappes_counting_and_tag_methods_read_through_the_permissions(self):
		"""Methods of Frappe that read a DocType the caller names with the database alone: workflow
		state counts grouped by any column, tagged records, and the goal graph's aggregates."""
		review = self.own["Child Review"][0]
		problems = []
		for user in (self.attacker, self.social_worker, self.team_manager):
			session = self.session(user)
			answers = [
				self.call(
					session,
					"frappe.workflow.doctype.workflow.workflow.get_workflow_state_count",
					doctype=doctype,
					workflow_state_field=field,
					states="[]",
				)
				for doctype, field in (
					(CHILD, "first_name"),
					("Child Review", "rag_narrative"),
					("Child Review", "status"),
				)
			]
			answers += [
				self.call(session, "frappe.desk.doctype.tag.tag.get_tagged_docs", doctype=doctype, tag="%")
				for doctype in (CHILD, *CHILD_RECORDS)
			]
			answers.append(
				self.call(
					session,
					"frappe.utils.goal.get_monthly_goal_graph_data",
					title="x",
					doctype="Child Review",
					docname=review,
					goal_value_field="venue",
					goal_total_field="venue",
					goal_history_field="venue",
					goal_doctype="Child Review",
					goal_doctype_link="child",
					goal_field="name",
					date_field="planned_date",
					aggregation="count",
					filters=json.dumps({"rag_narrative": ["like", f"{MARKER}%"]}),
				)
			)
			for answer in answers:
				if answer.status_code >= 500 or self.leaks(answer.text):
					problems.append(
						f"{user} {answer.request.body[:120]}: {answer.status_code} {answer.text[:120]}"
					)
			goal = answers[-1]
			if goal.status_code != 403:
				problems.append(f"{user} the goal graph aggregated a child's records: {goal.status_code}")
		self.assertEqual(problems, [], "\n".join(problems))

	def test_5_names_the_database_matches_loosely_are_answered_like_missing_ones(self):
		session = self.session(self.attacker)
		problems = []
		for doctype in (CHILD, "Child Review"):
			name = self.victim[doctype][0]
			missing = name.rsplit("-", 1)[0] + "-99999"
			for hidden in ("\u034f", "\u200b", "\x01", "\ufeff", "\u2060", "\u180e"):
				for ask in (
					lambda spelt: self.get(
						session, "/api/method/frappe.client.get", doctype=doctype, name=spelt
					),
					lambda spelt: self.get(session, f"/api/resource/{doctype}/{spelt}"),
					lambda spelt: self.get(
						session, "/api/method/frappe.desk.form.load.getdoc", doctype=doctype, name=spelt
					),
					lambda spelt: self.get(
						session,
						"/api/method/frappe.client.get_value",
						doctype=doctype,
						fieldname="modified",
						filters=json.dumps({"name": spelt}),
					),
					lambda spelt: self.get(
						session, "/api/method/frappe.client.validate_link", doctype=doctype, docname=spelt
					),
				):
					answers = []
					for written in (name, missing):
						spelt = written[:2] + hidden + written[2:]
						answer = ask(spelt)
						text = answer.text.replace(json.dumps(spelt)[1:-1], "<name>").replace(spelt, "<name>")
						answers.append((answer.status_code, text))
						if found := self.leaks(answer.text):
							problems.append(f"{answer.url}: {found}")
					if answers[0] != answers[1]:
						problems.append(f"{answer.url} {hidden!r}: {answers[0]} vs {answers[1]}")
		self.assertEqual(problems, [], "\n".join(problems[:20]))

	def test_6_script_sent_with_the_annual_reports_submit_is_neither_stored_nor_printed(self):
		session = self.session(self.manager)
		year = 2011
		frappe.db.delete("IRO Annual Report", {"reporting_year": year})
		frappe.db.commit()
		made = session.post(
			f"{self.base}/api/resource/IRO Annual Report",
			json={"reporting_year": year, "themes": SCRIPT},
			timeout=30,
		)
		self.assertEqual(made.status_code, 200, made.text)
		doc = made.json()["data"]
		try:
			doc.update({"themes": SCRIPT, "learning": SCRIPT, "priorities": SCRIPT})
			self.call(session, "frappe.desk.form.save.savedocs", doc=json.dumps(doc), action="Submit")
			frappe.db.rollback()
			stored = frappe.db.get_value(
				"IRO Annual Report", doc["name"], ["themes", "learning", "priorities"], as_dict=True
			)
			for value in stored.values():
				self.assertNotIn("onerror", value or "")
				self.assertNotIn("<script", value or "")
			frappe.db.set_value("IRO Annual Report", doc["name"], "good_practice", SCRIPT)
			frappe.db.commit()
			printed = self.call(
				session,
				"frappe.www.printview.get_html_and_style",
				doc="IRO Annual Report",
				name=doc["name"],
				print_format="IRO Annual Report",
			)
			self.assertEqual(printed.status_code, 200, printed.text)
			self.assertNotIn("onerror", printed.text)
			self.assertNotIn("<script", printed.text)
		finally:
			frappe.db.delete("IRO Annual Report", {"reporting_year": year})
			frappe.db.commit()

	def app_methods(self) -> list[tuple[str, list[str]]]:
		return [
			(method, params)
			for method, params in whitelisted_methods()
			if method.startswith("iro_standards.")
		]

	def test_7_arguments_of_the_wrong_type_or_shape_get_a_4xx(self):
		before = self.snapshot()
		errors = []
		charts = frappe.get_all(
			"Dashboard Chart", {"module": "IRO Standards", "chart_type": "Custom"}, pluck="name"
		)
		for user in (self.manager, self.attacker):
			session = self.session(user)
			for method, params in self.app_methods():
				for param in params:
					for value in HOSTILE_VALUES:
						sent = {other: "x" for other in params if other != param} | {param: value}
						answer = self.call(session, method, **sent)
						if answer.status_code >= 500:
							errors.append(f"{user} {method}({param}={value})")
			for value in HOSTILE_VALUES:
				for arguments in (
					{"doc": value},
					{"doc": CHILD, "name": self.own[CHILD][0], "settings": value},
				):
					answer = self.call(session, "frappe.www.printview.get_html_and_style", **arguments)
					if answer.status_code >= 500:
						errors.append(f"{user} get_html_and_style({arguments})")
			for query in ("iro_standards.iro_standards.cards.open_disputes", "no_such_app.search"):
				answer = self.call(
					session, "frappe.desk.search.search_widget", doctype=CHILD, txt="", query=query
				)
				if answer.status_code >= 500:
					errors.append(f"{user} search_widget(query={query})")
			for chart in charts:
				for value in HOSTILE_VALUES:
					answer = self.call(
						session,
						"frappe.desk.doctype.dashboard_chart.dashboard_chart.get",
						chart_name=chart,
						filters=value,
						refresh=1,
					)
					if answer.status_code >= 500:
						errors.append(f"{user} chart {chart} filters={value}: {answer.status_code}")
		self.assertEqual(self.snapshot(), before, "a hostile call wrote to the child's file")
		self.assertEqual(errors, [], "\n".join(errors))

	def test_8_sizes_and_values_out_of_bounds_are_refused_before_anything_is_written(self):
		session = self.session(self.attacker)
		conference = self.own["Child Protection Conference"][0]
		invitees = frappe.db.count("Conference Invitee", {"parent": conference})
		crowd = [
			{"attendee_name": f"Invitee {n}", "agency": "Health", "response": "Attending"}
			for n in range(MOST_ROWS + 1)
		]
		answer = session.put(
			f"{self.base}/api/resource/Child Protection Conference/{conference}",
			json={"invitees": crowd},
			timeout=120,
		)
		self.assertIn(answer.status_code, (403, 417), answer.text[:300])
		frappe.db.rollback()
		self.assertEqual(frappe.db.count("Conference Invitee", {"parent": conference}), invitees)
		manager = self.session(self.manager)
		settings = "/api/resource/IRO Standards Settings/IRO Standards Settings"
		fields = ["advocacy_service", "bilingual_letters"]
		stored = frappe.db.get_values_from_single(fields, None, SETTINGS)
		try:
			for values in (
				{"advocacy_service": "x" * 70_000},
				{"bilingual_letters": -5},
				{"bilingual_letters": "yes"},
				{"closure_days": "x"},
				{"school_terms": [1, 2]},
			):
				answer = manager.put(f"{self.base}{settings}", json=values, timeout=30)
				self.assertEqual(answer.status_code, 417, answer.text[:300])
				self.assertTrue(json.loads(answer.json()["_server_messages"]), answer.text[:300])
			frappe.db.rollback()
			self.assertEqual(frappe.db.get_values_from_single(fields, None, SETTINGS), stored)
		finally:
			frappe.db.rollback()
			frappe.db.set_single_value(SETTINGS, dict(zip(fields, stored[0], strict=True)))
			frappe.db.commit()
		answer = session.put(
			f"{self.base}/api/resource/{CHILD}/{self.own[CHILD][0]}",
			json={"interpreter_needed": "yes"},
			timeout=30,
		)
		self.assertEqual(answer.status_code, 417, answer.text[:300])


class TestANewSitesErrors(LiveServerTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.serve()

	def test_the_install_leaves_tracebacks_off_unless_the_site_is_a_test_site(self):
		from iro_standards.install import hide_tracebacks_unless_testing

		previous = frappe.db.get_single_value("System Settings", "allow_error_traceback")
		try:
			frappe.db.set_single_value("System Settings", "allow_error_traceback", 1)
			hide_tracebacks_unless_testing()
			self.assertEqual(frappe.db.get_single_value("System Settings", "allow_error_traceback"), 1)
			frappe.local.conf.allow_tests = False
			hide_tracebacks_unless_testing()
			self.assertEqual(frappe.db.get_single_value("System Settings", "allow_error_traceback"), 0)
			frappe.db.commit()
			answer = self.session(None).get(
				f"{self.base}/api/method/frappe.client.get_value",
				params={"doctype": "No Such DocType", "fieldname": "name"},
				timeout=30,
			)
			self.assertGreaterEqual(answer.status_code, 400)
			self.assertNotIn("Traceback", answer.text)
		finally:
			frappe.local.conf.allow_tests = True
			frappe.db.set_single_value("System Settings", "allow_error_traceback", previous)
			frappe.db.commit()
