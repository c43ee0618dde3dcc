"""A Frappe WSGI server on loopback for tests that talk to the site over real HTTP.

The data a server test serves must be committed (the server has its own database connection),
so each class names the children it made and they are removed at the end.
"""

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import frappe
import requests
from frappe.app import application
from frappe.tests.utils import FrappeTestCase
from frappe.utils.password import update_password
from werkzeug.exceptions import NotFound
from werkzeug.middleware.shared_data import SharedDataMiddleware
from werkzeug.serving import make_server

from iro_standards.iro_standards.records import delete_child_and_records
from iro_standards.tests.factories import make_user

PASSWORD = "Iro-Standards-Test-2026!"


class LiveServerTestCase(FrappeTestCase):
	served_children: list[str]

	@classmethod
	def serve(cls, *children: str) -> None:
		"""Commit what the class made and serve it; ``children`` are removed again at the end."""
		cls.served_children = list(children)
		frappe.db.commit()
		cls.server = make_server("127.0.0.1", 0, with_static_files(application), threaded=True)
		cls.base = f"http://127.0.0.1:{cls.server.server_port}"
		threading.Thread(target=cls.server.serve_forever, daemon=True).start()

	@classmethod
	def tearDownClass(cls):
		cls.server.shutdown()
		cls.server.server_close()
		frappe.set_user("Administrator")
		frappe.db.rollback()
		for child in cls.served_children:
			delete_child_and_records(child)
		frappe.db.commit()
		super().tearDownClass()

	@classmethod
	def make_scoped_logins(cls, prefix: str) -> None:
		"""The people an attack is tried as: an IRO not allocated to the victim, the victim's IRO and
		team manager, a social worker and a team manager of other children, and a desk user with no
		role of the app."""
		cls.attacker = cls.make_login(f"{prefix}.iro.attacker@example.com", "IRO")
		cls.victim_iro = cls.make_login(f"{prefix}.iro.victim@example.com", "IRO")
		cls.victim_tm = cls.make_login(f"{prefix}.tm.victim@example.com", "Team Manager")
		cls.social_worker = cls.make_login(f"{prefix}.sw@example.com", "Social Worker")
		cls.team_manager = cls.make_login(f"{prefix}.tm@example.com", "Team Manager")
		cls.desk_user = cls.make_login(f"{prefix}.desk@example.com", "Blogger")

	@staticmethod
	def make_login(email: str, *roles: str) -> str:
		make_user(email, *roles)
		update_password(email, PASSWORD)
		return email

	def session(self, user: str | None) -> requests.Session:
		session = requests.Session()
		session.headers["X-Frappe-Site-Name"] = frappe.local.site
		if user:
			response = session.post(
				f"{self.base}/api/method/login", data={"usr": user, "pwd": PASSWORD}, timeout=30
			)
			self.assertEqual(response.status_code, 200, response.text)
		return session

	def get(self, session: requests.Session, path: str, **params) -> requests.Response:
		return session.get(f"{self.base}{path}", params=params, timeout=30)

	def post(self, session: requests.Session, path: str, **data) -> requests.Response:
		return session.post(f"{self.base}{path}", data=data, timeout=30)


def with_static_files(app):
	"""The app with the site's assets and public files, as a production web server serves them
	(wkhtmltopdf fetches a print's stylesheets from the site's own address)."""
	return SharedDataMiddleware(
		app,
		{
			"/assets": os.path.join(frappe.local.sites_path, "assets"),
			"/files": os.path.abspath(frappe.get_site_path("public", "files")),
		},
	)


@contextmanager
def static_files_served() -> Iterator[str]:
	"""The site's assets served on loopback, and the site's address pointing at them, so that
	Frappe's PDF generation in a test finds every stylesheet it links to."""
	server = make_server("127.0.0.1", 0, with_static_files(NotFound()), threaded=True)
	threading.Thread(target=server.serve_forever, daemon=True).start()
	base = f"http://127.0.0.1:{server.server_port}"
	previous = frappe.local.conf.get("host_name")
	frappe.local.conf.host_name = base
	try:
		yield base
	finally:
		frappe.local.conf.host_name = previous
		server.shutdown()
		server.server_close()


def pdf_of(doctype: str, name: str, print_format: str) -> bytes:
	with static_files_served():
		return frappe.get_print(doctype, name, print_format, as_pdf=True)
