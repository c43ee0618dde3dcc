# Copyright (c) 2026, iro_standards contributors and Contributors
# See license.txt

# import frappe
from frappe.tests.utils import FrappeTestCase


class TestProgressReview(FrappeTestCase):
	pass
