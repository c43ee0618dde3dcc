from frappe import _


def get_data():
	return {
		"fieldname": "child_review",
		"transactions": [
			{"label": _("Follow-up"), "items": ["Progress Review", "IRO Dispute"]},
			{"label": _("Preparation"), "items": ["IRO Contact"]},
			{"label": _("Letters"), "items": ["IRO Letter"]},
		],
	}
