"""A Frappe WSGI server on loopback for tests that talk to the site over real HTTP.

The data a server test serves must be committed (the server has its own database connection),
so each class names the children it made and they are removed at the end.
"""

import threading

import frappe
import requests
from frappe.app import application
from frappe.tests.utils import FrappeTestCase
from frappe.utils.password import update_password
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
		cls.server = make_server("127.0.0.1", 0, application, threaded=True)
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
