from frappe import _


def get_data():
	return {
		"fieldname": "child",
		"transactions": [
			{
				"label": _("Care"),
				"items": [
					"Care Episode",
					"Child Review",
					"Progress Review",
					"Care Plan RAG Update",
					"Significant Change",
				],
			},
			{"label": _("Voice and Challenge"), "items": ["IRO Contact", "IRO Dispute", "IRO Letter"]},
			{"label": _("Child Protection"), "items": ["Child Protection Conference"]},
		],
	}
