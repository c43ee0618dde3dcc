"""An attacker's sweep over real HTTP: every whitelisted method on the site and every REST path of
every DocType that holds or points at a child's records, as users who may not access the child.

What must hold, whatever the arguments:
- no marker text from the child's file, and no name of its records that the request did not send,
  comes back;
- an unallocated IRO's answers do not depend on the child's file at all: the same whether the
  series-named records it names (CHILD-, REV-, DR-) exist or not, and the same after more children
  are added (so no counts leak);
- nothing is written to the child's file, and no record pointing at it is made.
"""

import ast
import json
import re
from pathlib import Path

import frappe
import requests

from iro_standards.permissions import CHILD, CHILD_RECORDS, protected_doctypes, references
from iro_standards.tests.factories import make_looked_after_child
from iro_standards.tests.live_server import LiveServerTestCase
from iro_standards.tests.marked_records import make_marked_child_file

MARKER = "zqvictimmark"
SECOND_MARKER = "zqsecondmark"
RECORD_ARGUMENTS = {
	"child": "Looked After Child",
	"child_review": "Child Review",
	"review": "Child Review",
	"dispute": "IRO Dispute",
	"iro_dispute": "IRO Dispute",
}
DOCTYPE_ARGUMENTS = frozenset(
	{
		"doctype",
		"dt",
		"reference_doctype",
		"ref_doctype",
		"document_type",
		"doctype_name",
		"link_doctype",
		"share_doctype",
		"attached_to_doctype",
		"reference_type",
		"parent_doctype",
		"from_doctype",
	}
)
NAME_ARGUMENTS = frozenset(
	{
		"name",
		"docname",
		"dn",
		"reference_name",
		"ref_docname",
		"document_name",
		"link_name",
		"share_name",
		"attached_to_name",
		"source_name",
		"doc_name",
		"value",
	}
)
FIXED_ARGUMENTS = {
	"filters": "[]",
	"current_filters": "[]",
	"fields": '["*"]',
	"fieldname": "name",
	"field": "assigned_to",
	"txt": "zq",
	"text": "zq",
	"query": "zq",
	"search_text": "zq",
	"start": "2000-01-01",
	"end": "2100-01-01",
	"limit": "500",
	"page_length": "500",
	"limit_page_length": "500",
}
# Records named by a series (CHILD-00042) can be guessed; files, comments and table rows are named
# by random hashes, so only the first must look the same whether or not they exist.
GUESSABLE = (CHILD, *CHILD_RECORDS)
TARGETS = ("Looked After Child", "Child Review", "Review Recommendation", "IRO Dispute", "File", "Comment")
# Test hygiene, not exemptions: these end the attacker's session, reach for the network, or
# restart the site; none takes a child's record.
SKIPPED = re.compile(
	r"logout|login|password|two_factor|impersonat|sign_up|signup|setup_wizard|backup|restart|"
	r"integrations|change_log|clear_cache|sessions|oauth|ldap|google|dropbox|razorpay|paypal|"
	r"braintree|stripe|\.rq_|scheduler|frappe\.realtime|emails?\.doctype\.email_account"
)
VOLATILE = (
	re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?"),
	re.compile(r"0x[0-9a-f]+"),
	re.compile(r"\b[0-9a-f]{10,}\b"),
)


def whitelisted_methods() -> list[tuple[str, list[str]]]:
	"""Every module-level whitelisted function in the site's installed apps, with its parameters."""
	found = []
	for app in frappe.get_installed_apps():
		root = Path(frappe.get_app_path(app))
		for path in sorted(root.rglob("*.py")):
			relative = path.relative_to(root.parent)
			if any(
				part in ("tests", "patches", "commands") or part.startswith("test_")
				for part in relative.parts
			):
				continue
			try:
				tree = ast.parse(path.read_text())
			except (SyntaxError, UnicodeDecodeError):
				continue
			module = ".".join(relative.with_suffix("").parts)
			found.extend(
				(f"{module}.{node.name}", [arg.arg for arg in (*node.args.args, *node.args.kwonlyargs)])
				for node in tree.body
				if isinstance(node, ast.FunctionDef) and any(is_whitelist(d) for d in node.decorator_list)
			)
	return [(method, params) for method, params in found if not SKIPPED.search(method)]


def is_whitelist(decorator) -> bool:
	target = decorator.func if isinstance(decorator, ast.Call) else decorator
	return (isinstance(target, ast.Attribute) and target.attr == "whitelist") or (
		isinstance(target, ast.Name) and target.id == "whitelist"
	)


class TestAttackerSweep(LiveServerTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.make_scoped_logins("sweep")
		cls.own_child = make_looked_after_child(
			frappe.utils.getdate("2025-12-20"), allocated_iro=cls.attacker
		).name
		cls.victim = make_marked_child_file(MARKER, cls.victim_iro, team_manager=cls.victim_tm)
		cls.victim.update(cls.core_records_of(cls.victim["Looked After Child"][0]))
		cls.serve(cls.own_child, cls.victim["Looked After Child"][0])

	@classmethod
	def tearDownClass(cls):
		frappe.db.rollback()
		for tag in frappe.get_all("Tag", filters={"name": ("like", "zq%")}, pluck="name"):
			frappe.delete_doc("Tag", tag, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	@classmethod
	def core_records_of(cls, child: str) -> dict[str, list[str]]:
		return {
			doctype: [name for name, _dt, _dn in cls.core_rows_pointing_at(doctype, child)]
			for doctype in ("File", "Comment", "ToDo")
		}

	@staticmethod
	def core_rows_pointing_at(doctype: str, child: str) -> list[tuple]:
		doctype_field, name_field, _fixed = references(doctype)[0]
		return frappe.get_all(
			doctype,
			filters={doctype_field: "Looked After Child", name_field: child},
			fields=["name", doctype_field, name_field],
			as_list=True,
		)

	def victim_names(self) -> list[str]:
		return [name for names in self.victim.values() for name in names]

	def snapshot(self) -> dict[str, str]:
		"""Everything stored about the child's file, and every Frappe record pointing at it."""
		frappe.db.rollback()
		names = self.victim_names()
		state = {}
		for doctype in protected_doctypes():
			rows = frappe.get_all(doctype, filters={"name": ("in", names)}, fields=["*"], order_by="name")
			state[doctype] = frappe.as_json(rows)
		for doctype in self.referencing_doctypes():
			for doctype_field, name_field, fixed in references(doctype):
				filters = {name_field: ("in", names)}
				if not fixed:
					filters[doctype_field] = ("in", protected_doctypes())
				state[f"{doctype}.{name_field}"] = str(frappe.db.count(doctype, filters))
		state["roles of the attacker"] = ",".join(sorted(frappe.get_roles(self.attacker)))
		return state

	def leaks(self, response_text: str, sent: str) -> list[str]:
		text = response_text.lower()
		found = [marker for marker in (MARKER, SECOND_MARKER) if marker in text]
		found.extend(name for name in self.victim_names() if name.lower() in text and name not in sent)
		return found

	def normalised(self, text: str, names: list[str]) -> str:
		for name in sorted(names, key=len, reverse=True):
			text = text.replace(name, "<name>")
		for pattern in VOLATILE:
			text = pattern.sub("<volatile>", text)
		return text

	def probes(self) -> list[tuple[str, str | None, dict]]:
		"""Each whitelisted method with arguments aimed at the child's file (one probe per target
		DocType where the method takes a DocType)."""
		found = []
		for method, params in whitelisted_methods():
			targets = TARGETS if DOCTYPE_ARGUMENTS.intersection(params) else (None,)
			for target in targets:
				found.append((method, target, self.arguments(params, target or "Looked After Child")))
		return found

	def arguments(self, params: list[str], target: str) -> dict:
		name = self.victim[target][0]
		parent = "Child Review" if frappe.is_table(target) else target
		values = {}
		for param in params:
			if param in DOCTYPE_ARGUMENTS:
				values[param] = target
			elif param in NAME_ARGUMENTS:
				values[param] = name
			elif param in RECORD_ARGUMENTS:
				values[param] = self.victim[RECORD_ARGUMENTS[param]][0]
			elif param in ("names", "docnames", "items"):
				values[param] = json.dumps([name])
			elif param == "parent":
				values[param] = parent
			elif param in ("doc", "docs"):
				doc = {"doctype": target, "name": name, "content": "x"}
				values[param] = json.dumps([doc] if param == "docs" else doc)
			elif param == "chart":
				values[param] = json.dumps(
					{
						"document_type": target,
						"type": "Heatmap",
						"chart_type": "Count",
						"based_on": "creation",
					}
				)
			elif param in FIXED_ARGUMENTS:
				values[param] = FIXED_ARGUMENTS[param]
		return values

	def call(self, session: requests.Session, method: str, arguments: dict) -> str:
		try:
			response = session.post(f"{self.base}/api/method/{method}", data=arguments, timeout=20)
		except requests.RequestException as error:
			return f"<no answer: {type(error).__name__}>"
		return response.text

	def missing_names(self) -> dict[str, str]:
		"""For each series-named record of the child's file, a name of the same series that no
		record has."""
		return {
			name: re.sub(r"\d+$", "99999", name) for doctype in GUESSABLE for name in self.victim[doctype]
		}

	def with_missing_names(self, arguments: dict) -> dict:
		text = json.dumps(arguments)
		for name, missing in self.missing_names().items():
			text = text.replace(name, missing)
		return json.loads(text)

	def sweep_for_markers(self, user: str | None) -> list[str]:
		session = self.session(user)
		problems = []
		for method, _target, arguments in self.probes():
			answer = self.call(session, method, arguments)
			if found := self.leaks(answer, json.dumps(arguments)):
				problems.append(f"{user or 'Guest'} {method} {arguments}: {found}")
		return problems

	def test_no_method_leaks_to_a_desk_user_without_an_app_role_or_a_guest(self):
		before = self.snapshot()
		problems = self.sweep_for_markers(self.desk_user) + self.sweep_for_markers(None)
		self.assertEqual(self.snapshot(), before, "a probe wrote to the child's file")
		self.assertEqual(problems, [], "\n".join(problems[:30]))

	def test_an_unallocated_iros_answers_do_not_depend_on_the_childs_file(self):
		before = self.snapshot()
		session = self.session(self.attacker)
		probes = self.probes()
		first = [self.call(session, method, arguments) for method, _target, arguments in probes]
		again = [self.call(session, method, arguments) for method, _target, arguments in probes]
		missing = [
			self.call(session, method, self.with_missing_names(arguments))
			for method, _target, arguments in probes
		]
		self.add_second_victim()
		later = [self.call(session, method, arguments) for method, _target, arguments in probes]
		problems = []
		names = self.victim_names()
		absent = list(self.missing_names().values())
		for index, (method, _target, arguments) in enumerate(probes):
			if found := self.leaks(first[index], json.dumps(arguments)) + self.leaks(
				later[index], json.dumps(arguments)
			):
				problems.append(f"{method} {arguments}: {found}")
				continue
			stable = self.normalised(first[index], names)
			if stable != self.normalised(again[index], names):
				continue
			names_a_record = self.with_missing_names(arguments) != arguments
			if names_a_record and stable != self.normalised(missing[index], absent):
				problems.append(f"{method} {arguments}: answers differently for records that do not exist")
			elif stable != self.normalised(later[index], names):
				problems.append(f"{method} {arguments}: answers differently once another child is added")
		print(
			f"\nattacker sweep: {len(probes)} probes of {len({probe[0] for probe in probes})} methods, 4 passes"
		)
		self.assertEqual(self.snapshot(), before, "a probe wrote to the child's file")
		self.assertEqual(problems, [], "\n".join(problems[:30]))

	def add_second_victim(self) -> None:
		frappe.set_user("Administrator")
		second = make_marked_child_file(SECOND_MARKER, self.victim_iro)
		self.served_children.append(second["Looked After Child"][0])
		frappe.db.commit()

	def referencing_doctypes(self) -> list[str]:
		return [
			doctype
			for doctype in frappe.get_all(
				"DocType", filters={"issingle": 0, "is_virtual": 0, "istable": 0}, pluck="name"
			)
			if doctype not in protected_doctypes() and references(doctype)
		]

	def test_names_with_characters_the_database_ignores_reach_nothing(self):
		"""MariaDB finds CHILD-00001 by "C\u200bHILD-00001" (it gives zero-width and control
		characters no weight): every probe is sent again with the series names of the child's file
		spelt so. (A file's or comment's random name cannot be guessed: an answer that spells it
		plainly names what the caller already sent.)"""
		before = self.snapshot()
		session = self.session(self.attacker)
		guessable = [name for doctype in GUESSABLE for name in self.victim[doctype]]
		problems = []
		for hidden in ("\u200b", "\x01"):
			for method, _target, arguments in self.probes():
				sent = self.with_hidden_characters(arguments, hidden, guessable)
				answer = self.call(session, method, sent).lower()
				found = [m for m in (MARKER, SECOND_MARKER) if m in answer]
				found += [name for name in guessable if name.lower() in answer]
				if found:
					problems.append(f"{method} {sent}: {found}")
		self.assertEqual(self.snapshot(), before, "a probe wrote to the child's file")
		self.assertEqual(problems, [], "\n".join(problems[:30]))

	@staticmethod
	def with_hidden_characters(arguments: dict, hidden: str, names: list[str]) -> dict:
		text = json.dumps(arguments)
		escaped = json.dumps(hidden)[1:-1]
		for name in names:
			text = text.replace(name, name[:1] + escaped + name[1:])
		return json.loads(text)

	def test_rest_paths_as_each_scoped_role(self):
		before = self.snapshot()
		problems = []
		users = (self.attacker, self.social_worker, self.team_manager, self.desk_user, None)
		doctypes = [*protected_doctypes(), *self.referencing_doctypes()]
		for user in users:
			session = self.session(user)
			for doctype in doctypes:
				problems.extend(self.probe_resource(session, user, doctype))
		print(f"\nREST sweep: {len(doctypes)} DocTypes as {len(users)} users")
		self.assertEqual(self.snapshot(), before, "a REST call wrote to the child's file")
		self.assertEqual(problems, [], "\n".join(problems[:30]))

	def probe_resource(self, session: requests.Session, user: str | None, doctype: str) -> list[str]:
		path = f"{self.base}/api/resource/{doctype}"
		child = self.victim["Looked After Child"][0]
		answers = [session.get(path, params={"fields": '["*"]', "limit_page_length": 0}, timeout=20)]
		for name in self.victim.get(doctype, []):
			found = session.get(f"{path}/{name}", timeout=20)
			answers.append(found)
			absent = self.missing_names().get(name)
			if absent:
				missing = session.get(f"{path}/{absent}", timeout=20)
				if (found.status_code, self.normalised(found.text, [name])) != (
					missing.status_code,
					self.normalised(missing.text, [absent]),
				):
					return [f"{user} GET {doctype}/{name} answers unlike a record that does not exist"]
			answers.append(
				session.put(f"{path}/{name}", json={"child": self.own_child, "notes": MARKER}, timeout=20)
			)
			answers.append(session.delete(f"{path}/{name}", timeout=20))
		for doctype_field, name_field, fixed in references(doctype):
			record = {name_field: child, "content": "x", "description": "x"}
			if not fixed:
				record[doctype_field] = "Looked After Child"
			answers.append(session.post(path, json=record, timeout=20))
		return [
			f"{user} {answer.request.method} {answer.url}: {found}"
			for answer in answers
			if (found := self.leaks(answer.text, answer.request.url + str(answer.request.body or "")))
		]

	def test_reports_print_views_and_files_as_each_scoped_role(self):
		reports = frappe.get_all("Report", filters={"module": "IRO Standards"}, pluck="name")
		review = self.victim["Child Review"][0]
		file_url = frappe.db.get_value("File", self.victim["File"][0], "file_url")
		problems = []
		for user in (self.attacker, self.social_worker, self.team_manager, self.desk_user, None):
			session = self.session(user)
			answers = [
				self.call(session, "frappe.desk.query_report.run", {"report_name": report, "filters": "{}"})
				for report in reports
			]
			answers.append(
				self.get(
					session, "/printview", doctype="Child Review", name=review, format="Record of Review"
				).text
			)
			answers.append(self.get(session, file_url).text)
			problems.extend(f"{user}: {found}" for answer in answers if (found := self.leaks(answer, review)))
		print(f"\nreports and print views: {len(reports)} reports, 1 print format, 1 private file, 5 users")
		self.assertEqual(problems, [])
