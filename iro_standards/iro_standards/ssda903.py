"""The SSDA903 return read off the site's records: the checks a manager runs before exporting, and
the export itself. Both are for the roles that may create an SSDA903 Export (IRO Manager unless
the site chooses otherwise), and both read every child: a return is the whole service's."""

import io
import zipfile
from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import cint, getdate, now_datetime

from iro_standards.standards.ssda903 import (
	CODE_SETS,
	Child,
	Line,
	PeriodOfCare,
	Problem,
	Return,
	Review,
	build_return,
	code_for,
	collection_year,
	return_problems,
)

EXPORT = "SSDA903 Export"
CHILD = "Looked After Child"
EPISODE = "Care Episode"
REVIEW = "Child Review"


def refuse_unless_allowed_to_export() -> None:
	if not frappe.has_permission(EXPORT, "create"):
		frappe.throw(_("You are not allowed to make the SSDA903 return."), frappe.PermissionError)


def code_meanings() -> dict[str, dict[str, str]]:
	"""Each 903 code with its meaning in the reader's language, for the desk's code fields."""
	return {
		code_set: {code: _(meaning) for code, meaning in codes.items()}
		for code_set, codes in CODE_SETS.items()
	}


def fill_codes_from_plain_values(doc, fields: dict[str, tuple[str, str]]) -> None:
	"""Where a 903 code is empty and the app's own wording certainly means one, take it."""
	for code_field, (code_set, plain_field) in fields.items():
		if not doc.get(code_field):
			doc.set(code_field, code_for(code_set, doc.get(plain_field) or "") or None)


def refuse_what_the_return_would_refuse(problems: list[Problem]) -> None:
	"""A value that is wrong as it stands is refused on save; one still to record is not."""
	for problem in problems:
		if not problem.missing:
			frappe.throw(on_its_row(problem), title=_("SSDA903 return"))


def on_its_row(problem: Problem) -> str:
	"""The problem's text, saying which placement row it is about."""
	_doctype, _name, *row = problem.ref
	if row:
		return _("Placement row {0}: {1}").format(row[0], problem_text(problem))
	return problem_text(problem)


def code_label(arg: str) -> str:
	labels = {
		"sex": _("sex"),
		"ethnicity": _("ethnicity"),
		"legal status": _("legal status"),
		"placement type": _("placement type"),
	}
	return labels.get(arg, arg)


def problem_text(problem: Problem) -> str:
	return _(problem.message).format(*(code_label(arg) for arg in problem.args))


def year_bounds(year_starting) -> tuple:
	year_starting = cint(year_starting)
	if not 2000 <= year_starting <= 2100:
		frappe.throw(_("Choose the year it starts in (1 April), such as 2025."), title=_("Invalid year"))
	return collection_year(year_starting)


def episodes_in(start, end) -> list[dict]:
	return frappe.db.sql(
		"""select name, child, start_date, end_date, legal_status_code, category_of_need,
		home_postcode, ceased_reason_code
		from `tabCare Episode`
		where start_date <= %(end)s and (end_date is null or end_date >= %(start)s)
		order by child, start_date""",
		{"start": start, "end": end},
		as_dict=True,
	)


def placement_rows_in(start, end) -> dict[str, list[dict]]:
	rows = frappe.db.sql(
		"""select move.parent, move.idx, move.moved_on, move.legal_status_code, move.placement_code,
		move.provider_code, move.placement_postcode, move.urn, move.change_reason_code, move.same_carer
		from `tabPlacement Move` move
		join `tabCare Episode` episode on episode.name = move.parent
		where move.parenttype = 'Care Episode' and episode.start_date <= %(end)s
		and (episode.end_date is null or episode.end_date >= %(start)s)
		order by move.parent, move.moved_on, move.idx""",
		{"start": start, "end": end},
		as_dict=True,
	)
	by_episode = defaultdict(list)
	for row in rows:
		by_episode[row.parent].append(row)
	return by_episode


def children_in(start, end) -> list[dict]:
	return frappe.db.sql(
		"""select child.name, child.case_number, child.date_of_birth, child.sex_code, child.ethnicity_code,
		child.upn, child.is_mother, child.mothers_child_born
		from `tabLooked After Child` child
		where exists (select 1 from `tabCare Episode` episode where episode.child = child.name
			and episode.start_date <= %(end)s and (episode.end_date is null or episode.end_date >= %(start)s))
		order by child.case_number""",
		{"start": start, "end": end},
		as_dict=True,
	)


def reviews_in(start, end) -> dict[str, list[Review]]:
	rows = frappe.db.sql(
		"""select name, child, held_date, participation_code from `tabChild Review`
		where docstatus = 1 and held_date between %(start)s and %(end)s""",
		{"start": start, "end": end},
		as_dict=True,
	)
	by_child = defaultdict(list)
	for row in rows:
		by_child[row.child].append(
			Review(getdate(row.held_date), row.participation_code or "", ref=(REVIEW, row.name))
		)
	return by_child


def lines_of(episode: dict, rows: list[dict]) -> tuple[Line, ...]:
	lines = []
	legal_status = episode.legal_status_code or ""
	for row in rows:
		legal_status = row.legal_status_code or legal_status
		lines.append(
			Line(
				start=getdate(row.moved_on),
				legal_status=legal_status,
				placement=row.placement_code or "",
				provider=row.provider_code or "",
				postcode=(row.placement_postcode or "").upper(),
				urn=row.urn or "",
				change_reason=row.change_reason_code or "",
				same_carer=bool(row.same_carer),
				ref=(EPISODE, episode.name, row.idx),
			)
		)
	return tuple(lines)


def period_of(episode: dict, rows: list[dict]) -> PeriodOfCare:
	return PeriodOfCare(
		start=getdate(episode.start_date),
		category_of_need=episode.category_of_need or "",
		home_postcode=(episode.home_postcode or "").upper(),
		lines=lines_of(episode, rows),
		end=getdate(episode.end_date) if episode.end_date else None,
		ceased_reason=episode.ceased_reason_code or "",
		ref=(EPISODE, episode.name),
	)


def child_of(record: dict, periods: list[PeriodOfCare], reviews: list[Review]) -> Child:
	return Child(
		child_id=record.case_number,
		sex=record.sex_code or "",
		date_of_birth=getdate(record.date_of_birth),
		ethnicity=record.ethnicity_code or "",
		upn=(record.upn or "").upper(),
		periods=tuple(periods),
		reviews=tuple(reviews),
		is_mother=bool(record.is_mother),
		mothers_child_born=getdate(record.mothers_child_born) if record.mothers_child_born else None,
		ref=(CHILD, record.name),
	)


def children_of_the_year(year_starting) -> list[Child]:
	start, end = year_bounds(year_starting)
	rows = placement_rows_in(start, end)
	periods = defaultdict(list)
	for episode in episodes_in(start, end):
		periods[episode.child].append(period_of(episode, rows.get(episode.name, [])))
	reviews = reviews_in(start, end)
	return [
		child_of(record, periods[record.name], reviews.get(record.name, []))
		for record in children_in(start, end)
	]


@frappe.whitelist()
def check_return(year_starting) -> list[dict]:
	"""Every problem the app can see in the year's return, with the record to open to fix it."""
	refuse_unless_allowed_to_export()
	return [
		problem_row(problem, child.child_id)
		for child in children_of_the_year(year_starting)
		for problem in return_problems([child], cint(year_starting))
	]


def problem_row(problem: Problem, case_number: str) -> dict:
	doctype, name, *row = problem.ref
	return {
		"reference_doctype": doctype,
		"reference_name": name,
		"row": row[0] if row else None,
		"problem": problem_text(problem),
		"missing": int(problem.missing),
		"case_number": case_number,
	}


@frappe.whitelist(methods=["POST"])
def download_return(year_starting, with_problems=0) -> None:
	"""The Header, Episodes and Reviews files of the year in the DfE's CSV layout, in one zip;
	refused while problems remain unless the manager chooses to export them anyway. Logged."""
	refuse_unless_allowed_to_export()
	year_starting = cint(year_starting)
	children = children_of_the_year(year_starting)
	problems = return_problems(children, year_starting)
	if problems and not cint(with_problems):
		frappe.throw(
			_("The return has {0} problems. Run the SSDA903 checks and fix them first.").format(
				len(problems)
			),
			title=_("SSDA903 return"),
		)
	built = build_return(children, year_starting)
	log_export(year_starting, built, len(problems))
	frappe.local.response.filename = f"ssda903-{year_starting}-{(year_starting + 1) % 100:02d}.zip"
	frappe.local.response.filecontent = zipped(built)
	frappe.local.response.type = "download"


def zipped(built: Return) -> bytes:
	buffer = io.BytesIO()
	with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
		for name, text in built.files().items():
			archive.writestr(name, text)
	return buffer.getvalue()


def log_export(year_starting: int, built: Return, problems: int) -> None:
	log = frappe.get_doc(
		{
			"doctype": EXPORT,
			"collection_year": year_starting,
			"exported_by": frappe.session.user,
			"exported_on": now_datetime(),
			"children": len(built.header),
			"episodes": len(built.episodes),
			"reviews": len(built.reviews),
			"problems": problems,
		}
	)
	log.flags.logged_by_the_export = True
	log.insert(ignore_permissions=True)
