"""What the app costs a site's other requests: the same requests, one at a time, against a plain
site and a site with the app on the same bench, by a user with the same roles on both.

    bench --site SITE execute iro_standards.benchmarks.requests.run --kwargs "{'plain_site': 'PLAIN'}"

Both sites are served in this process on loopback; each request is sent ``rounds`` times to each
site in turn after a warm-up, and the median times and their ratio are printed, with the target
for each. The app's own list, form and report requests are compared with the same request shapes
on ToDo (its list, a record's form, and a report on ToDo run through ``query_report.run`` as the
app's Script Reports are, made here; also against ToDo's report view), on the site with the app. The user is an IRO on both sites: on the site with the app
they hold one child (made here, and removed at the end) and a ToDo; on the plain site the IRO role
and the user are made through its REST API as Administrator (``admin_password``). It refuses a
site without ``allow_tests``.
"""

import statistics
import threading
import time

import frappe
import requests
from frappe.app import application
from frappe.utils.password import update_password
from werkzeug.serving import make_server

from iro_standards.benchmarks import refuse_sites_without_tests
from iro_standards.iro_standards.records import delete_child_and_records
from iro_standards.tests.factories import make_child, make_user

USER = "bench.requests@example.com"
PASSWORD = "Bench-Requests-2026!"
ROLE = "IRO"
# (label, method, path, params, target ratio)
CORE_REQUESTS = (
	("ping", "GET", "/api/method/ping", {}, 1.1),
	("get_logged_user", "GET", "/api/method/frappe.auth.get_logged_user", {}, 1.1),
	("Note list", "GET", "/api/resource/Note", {"fields": '["name", "title"]'}, 1.1),
	("User form", "GET", "/api/method/frappe.desk.form.load.getdoc", {"doctype": "User", "name": USER}, 1.1),
	(
		"ToDo list",
		"POST",
		"/api/method/frappe.desk.reportview.get",
		{"doctype": "ToDo", "fields": '["name"]'},
		1.3,
	),
	("File list", "GET", "/api/resource/File", {"fields": '["name"]'}, 1.3),
)
# (label, the app's request, the same shape on ToDo, target) on the site with the app; no target
# where the shapes differ (Frappe's report machinery against its list API), shown for comparison
APP_REQUESTS = (
	(
		"list of children",
		(
			"POST",
			"/api/method/frappe.desk.reportview.get",
			{"doctype": "Looked After Child", "fields": '["name"]'},
		),
		("POST", "/api/method/frappe.desk.reportview.get", {"doctype": "ToDo", "fields": '["name"]'}),
		1.5,
	),
	(
		"a child's form",
		(
			"GET",
			"/api/method/frappe.desk.form.load.getdoc",
			{"doctype": "Looked After Child", "name": "{child}"},
		),
		("GET", "/api/method/frappe.desk.form.load.getdoc", {"doctype": "ToDo", "name": "{todo}"}),
		1.5,
	),
	(
		"Review Timeliness report",
		(
			"POST",
			"/api/method/frappe.desk.query_report.run",
			{"report_name": "Review Timeliness", "filters": "{}"},
		),
		(
			"POST",
			"/api/method/frappe.desk.query_report.run",
			{"report_name": "{todo_report}", "filters": "{}"},
		),
		1.5,
	),
	(
		"Review Timeliness report (against the ToDo report view)",
		(
			"POST",
			"/api/method/frappe.desk.query_report.run",
			{"report_name": "Review Timeliness", "filters": "{}"},
		),
		(
			"POST",
			"/api/method/frappe.desk.reportview.get",
			{"doctype": "ToDo", "fields": '["name", "status", "date", "allocated_to"]', "view": "Report"},
		),
		None,
	),
)
TODO_REPORT = "Benchmark: ToDo by Status"


def run(plain_site: str, rounds: int = 50, admin_password: str = "admin") -> list[dict]:
	refuse_sites_without_tests()
	app_site = frappe.local.site
	records = make_the_users_records()
	server = make_server("127.0.0.1", 0, application, threaded=True)
	threading.Thread(target=server.serve_forever, daemon=True).start()
	base = f"http://127.0.0.1:{server.server_port}"
	try:
		sessions = {site: signed_in(base, site, admin_password) for site in (plain_site, app_site)}
		rows = [
			compare(
				label, target, sessions[plain_site], sessions[app_site], base, (method, path, params), rounds
			)
			for label, method, path, params, target in CORE_REQUESTS
		]
		rows += [
			compare(
				label,
				target,
				sessions[app_site],
				sessions[app_site],
				base,
				with_records(todo, records),
				rounds,
				with_records(app_request, records),
			)
			for label, app_request, todo, target in APP_REQUESTS
		]
	finally:
		server.shutdown()
		frappe.set_user("Administrator")
		delete_child_and_records(records["child"])
		frappe.delete_doc("Report", TODO_REPORT)
		frappe.db.commit()
	print_table(plain_site, app_site, rows)
	return rows


def make_the_users_records() -> dict[str, str]:
	"""On the site with the app: the IRO, a child allocated to them and a ToDo of theirs."""
	make_user(USER, ROLE)
	update_password(USER, PASSWORD)
	child = make_child(allocated_iro=USER, first_name="Bench", last_name="Requests").name
	todo = frappe.get_doc({"doctype": "ToDo", "allocated_to": USER, "description": "Bench"}).insert()
	make_the_todo_report()
	frappe.db.commit()
	return {"child": child, "todo": todo.name, "todo_report": TODO_REPORT}


def make_the_todo_report() -> None:
	"""A report on ToDo run the way a Script Report is (``query_report.run``): ToDos by status,
	open to the IRO role."""
	if frappe.db.exists("Report", TODO_REPORT):
		return
	frappe.get_doc(
		{
			"doctype": "Report",
			"report_name": TODO_REPORT,
			"ref_doctype": "ToDo",
			"report_type": "Query Report",
			"is_standard": "No",
			"module": "Desk",
			"query": "select status, count(name) as total from `tabToDo` group by status",
			"roles": [{"role": ROLE}],
		}
	).insert()


def with_records(request: tuple, records: dict[str, str]) -> tuple:
	method, path, params = request
	filled = {}
	for key, value in params.items():
		for record, name in records.items():
			value = value.replace(f"{{{record}}}", name)
		filled[key] = value
	return method, path, filled


def signed_in(base: str, site: str, admin_password: str) -> requests.Session:
	admin = site_session(site)
	login(admin, base, "Administrator", admin_password)
	if admin.get(f"{base}/api/resource/Role/{ROLE}", timeout=30).status_code != 200:
		admin.post(f"{base}/api/resource/Role", json={"role_name": ROLE, "desk_access": 1}, timeout=30)
	if admin.get(f"{base}/api/resource/User/{USER}", timeout=30).status_code != 200:
		admin.post(
			f"{base}/api/resource/User",
			json={
				"email": USER,
				"first_name": "Bench",
				"new_password": PASSWORD,
				"send_welcome_email": 0,
				"roles": [{"role": ROLE}],
			},
			timeout=30,
		).raise_for_status()
	user = site_session(site)
	login(user, base, USER, PASSWORD)
	return user


def site_session(site: str) -> requests.Session:
	session = requests.Session()
	session.headers["X-Frappe-Site-Name"] = site
	return session


def login(session: requests.Session, base: str, user: str, password: str) -> None:
	response = session.post(f"{base}/api/method/login", data={"usr": user, "pwd": password}, timeout=30)
	response.raise_for_status()


def compare(label, target, baseline_session, measured_session, base, baseline, rounds, measured=None) -> dict:
	measured = measured or baseline
	for _ in range(5):
		timed(baseline_session, base, baseline)
		timed(measured_session, base, measured)
	baseline_ms, measured_ms = [], []
	for _ in range(rounds):
		baseline_ms.append(timed(baseline_session, base, baseline))
		measured_ms.append(timed(measured_session, base, measured))
	before, after = statistics.median(baseline_ms), statistics.median(measured_ms)
	return {
		"request": label,
		"baseline_ms": before,
		"with_app_ms": after,
		"ratio": after / before,
		"target": target,
	}


def timed(session: requests.Session, base: str, request: tuple) -> float:
	method, path, params = request
	started = time.perf_counter()
	if method == "GET":
		response = session.get(f"{base}{path}", params=params, timeout=60)
	else:
		response = session.post(f"{base}{path}", data=params, timeout=60)
	elapsed = (time.perf_counter() - started) * 1000
	if response.status_code != 200:
		raise RuntimeError(f"{path} {params}: {response.status_code} {response.text[:300]}")
	return elapsed


def print_table(plain_site: str, app_site: str, rows: list[dict]) -> None:
	print(f"\nmedian ms, {plain_site} (plain) against {app_site} (with the app); app requests against ToDo")
	print(f"{'request':56} {'baseline':>9} {'with app':>9} {'ratio':>6} {'target':>7}")
	for row in rows:
		if row["target"] is None:
			target, verdict = "-", ""
		else:
			target = f"{row['target']:.1f}"
			verdict = "ok" if row["ratio"] <= row["target"] else "OVER"
		print(
			f"{row['request']:56} {row['baseline_ms']:9.1f} {row['with_app_ms']:9.1f} "
			f"{row['ratio']:6.2f} {target:>7} {verdict}"
		)
