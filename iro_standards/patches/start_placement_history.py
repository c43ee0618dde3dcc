"""Episodes recorded before placement history existed start their history from their placement."""

import frappe


def execute() -> None:
	recorded = set(frappe.get_all("Placement Move", filters={"parenttype": "Care Episode"}, pluck="parent"))
	for episode in frappe.get_all(
		"Care Episode",
		filters={"placement_type": ("is", "set")},
		fields=["name", "start_date", "placement_type", "placement_provider", "placement_start"],
	):
		if episode.name in recorded:
			continue
		frappe.get_doc(
			{
				"doctype": "Placement Move",
				"parent": episode.name,
				"parenttype": "Care Episode",
				"parentfield": "placements",
				"idx": 1,
				"moved_on": episode.placement_start or episode.start_date,
				"placement_type": episode.placement_type,
				"placement_provider": episode.placement_provider,
			}
		).db_insert()
