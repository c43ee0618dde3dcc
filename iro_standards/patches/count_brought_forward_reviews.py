"""Reviews record which statutory review they count as, even when brought forward; the index the
reports read them through holds the new column."""

import frappe

from iro_standards.iro_standards.doctype.child_review.child_review import on_doctype_update

INDEX = "held_reviews_by_iro_and_kind"


def execute() -> None:
	frappe.db.sql(
		"""update `tabChild Review` set counted_as = review_kind
		where review_kind in ('First', 'Second', 'Subsequent')"""
	)
	frappe.db.sql(
		"""update `tabChild Review` review
		set counted_as = case (
			select count(*) from `tabChild Review` earlier
			where earlier.episode = review.episode and earlier.docstatus = 1
			and earlier.held_date < coalesce(review.held_date, review.planned_date)
		) when 0 then 'First' when 1 then 'Second' else 'Subsequent' end
		where review.review_kind = 'Brought Forward'"""
	)
	if not index_holds_counted_as():
		if frappe.db.has_index("tabChild Review", INDEX):
			frappe.db.sql_ddl(f"alter table `tabChild Review` drop index `{INDEX}`")
		on_doctype_update()


def index_holds_counted_as() -> bool:
	return bool(
		frappe.db.sql(
			"show index from `tabChild Review` where Key_name = %s and Column_name = 'counted_as'", INDEX
		)
	)
