"""The SSDA903 return (England): the DfE's codes, and the mapping from a child's records to the
Header, Episodes and Reviews files of a collection year (1 April to 31 March).

A child's time in care is a list of periods of care. Each period is a list of *lines*: the
placement and legal status from a date until the next line or the end of the period. Each line
is one row of the Episodes file; the reason for a new episode is read off what changed.
"""

import csv
import io
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date

from iro_standards.standards.compliance import PARTICIPATION_CODES, participation_code_fits_age
from iro_standards.standards.dates import add_months
from iro_standards.standards.regimes import ADOPTION_PLACEMENTS, SHORT_BREAK_LEGAL_STATUSES

SEX = {"M": "Male", "F": "Female", "U": "Not known or not recorded"}
ETHNICITY = {
	"WBRI": "White British",
	"WIRI": "White Irish",
	"WIRT": "Traveller of Irish Heritage",
	"WROM": "Gypsy / Roma",
	"WOTH": "Any other White background",
	"MWBC": "White and Black Caribbean",
	"MWBA": "White and Black African",
	"MWAS": "White and Asian",
	"MOTH": "Any other mixed background",
	"AIND": "Indian",
	"APKN": "Pakistani",
	"ABAN": "Bangladeshi",
	"AOTH": "Any other Asian background",
	"BCRB": "Black Caribbean",
	"BAFR": "Black African",
	"BOTH": "Any other Black background",
	"CHNE": "Chinese",
	"OOTH": "Any other ethnic group",
	"REFU": "Refused",
	"NOBT": "Information not yet obtained",
}
LEGAL_STATUS = {
	"C1": "Interim care order",
	"C2": "Full care order",
	"D1": "Freeing order granted",
	"E1": "Placement order granted",
	"V2": "Single period of accommodation under section 20",
	"V3": "Agreed series of short-term breaks, individual episodes recorded",
	"V4": "Agreed series of short-term breaks, agreements recorded",
	"J1": "Remanded to local authority or youth detention accommodation",
	"J2": "Placed in local authority accommodation under PACE",
	"J3": "Sentenced to a youth rehabilitation order with residence or fostering requirement",
	"L1": "Under police protection and in local authority accommodation",
	"L2": "Emergency protection order",
	"L3": "Under a child assessment order and in local authority accommodation",
}
NEW_EPISODE_REASON = {
	"S": "Started to be looked after",
	"L": "Change of legal status only",
	"P": "Change of placement and carer(s) only",
	"T": "Change of both legal status and placement and carer(s)",
	"U": "Change of placement (same carer(s)) only",
	"B": "Change of legal status and of placement (same carer(s))",
}
CATEGORY_OF_NEED = {
	"N1": "Abuse or neglect",
	"N2": "Child's disability",
	"N3": "Parental illness or disability",
	"N4": "Family in acute stress",
	"N5": "Family dysfunction",
	"N6": "Socially unacceptable behaviour",
	"N7": "Low income",
	"N8": "Absent parenting",
}
PLACEMENT_TYPE = {
	"A3": "Placed for adoption with consent, with current foster carer(s)",
	"A4": "Placed for adoption with consent, not with current foster carer(s)",
	"A5": "Placed for adoption with a placement order, with current foster carer(s)",
	"A6": "Placed for adoption with a placement order, not with current foster carer(s)",
	"K1": "Secure children's home",
	"K2": "Children's home",
	"K3": "Supported accommodation",
	"P1": "Placed with own parent(s) or other person(s) with parental responsibility",
	"P3": "Residential employment",
	"R1": "Residential care home",
	"R2": "NHS or health trust establishment providing medical or nursing care",
	"R3": "Family centre or mother and baby unit",
	"R5": "Young offender institution or prison",
	"S1": "Residential school",
	"T0": "Temporary move of any type",
	"T1": "Temporary period in hospital",
	"T2": "Temporary absence of the child on holiday",
	"T3": "Temporary accommodation while the usual foster carer(s) are on holiday",
	"T4": "Temporary accommodation of seven days or less for any other reason",
	"U1": "Foster placement with relative(s) or friend(s): long-term fostering",
	"U2": "Foster placement with relative(s) or friend(s): fostering for adoption",
	"U3": "Foster placement with relative(s) or friend(s): other",
	"U4": "Foster placement with other foster carer(s): long-term fostering",
	"U5": "Foster placement with other foster carer(s): fostering for adoption",
	"U6": "Foster placement with other foster carer(s): other",
	"Z11": "Other placement (Z11 in the DfE guide)",
	"Z12": "Other placement (Z12 in the DfE guide)",
	"Z13": "Other placement (Z13 in the DfE guide)",
	"Z14": "Other placement (Z14 in the DfE guide)",
}
PLACEMENT_PROVIDER = {
	"PR0": "Parent(s) or other person(s) with parental responsibility",
	"PR1": "Own provision (by the council)",
	"PR2": "Other local authority provision",
	"PR3": "Other public provision (such as a primary care trust or school)",
	"PR4": "Private provision",
	"PR5": "Voluntary or third sector provision",
}
EPISODE_CEASED_REASON = {
	"E11": "Adopted: application unopposed",
	"E12": "Adopted: consent dispensed with by the court",
	"E13": "Left care to live with parent(s), relative(s) or other person(s) without parental responsibility",
	"E14": "Accommodation on remand ended",
	"E15": "Age assessment found the child to be 18 or over",
	"E16": "Child moved abroad",
	"E17": "Aged 18 or over and stayed with current carers (such as staying put)",
	"E2": "Died",
	"E3": "Care taken over by another local authority in the UK",
	"E41": "Residence order or child arrangements order granted",
	"E45": "Special guardianship order to former foster carer(s) who are relative(s) or friend(s)",
	"E46": "Special guardianship order to former foster carer(s) other than relative(s) or friend(s)",
	"E47": "Special guardianship order to other carer(s) who are relative(s) or friend(s)",
	"E48": "Special guardianship order to other carer(s) other than relative(s) or friend(s)",
	"E4A": "Returned home to parent(s) or others with parental responsibility, as planned",
	"E4B": "Returned home to parent(s) or others with parental responsibility, not as planned",
	"E5": "Moved to independent living with formal advice or support",
	"E6": "Moved to independent living without formal advice or support",
	"E7": "Transferred to residential care funded by adult social care",
	"E8": "Ceased to be looked after for any other reason",
	"E9": "Sentenced to custody",
	"X1": "Episode ceases and a new episode begins on the same day",
}
PLACEMENT_CHANGE_REASON = {
	"CARPL": "Change to the care plan",
	"CLOSE": "Resignation or closure of the provision",
	"ALLEG": "Allegation (section 47)",
	"STAND": "Standards of care concern",
	"APPRR": "Carer's approval changed or removed",
	"CREQB": "Carer requests the placement end due to the child's behaviour",
	"CREQO": "Carer requests the placement end for other reasons",
	"CHILD": "Child requests the placement end",
	"LAREQ": "Responsible or area authority requests the placement end",
	"PLACE": "Change of placement type",
	"CUSTOD": "Custody arrangement",
	"OTHER": "Other",
}

CODE_SETS: dict[str, dict[str, str]] = {
	"SEX": SEX,
	"ETHNIC": ETHNICITY,
	"LS": LEGAL_STATUS,
	"RNE": NEW_EPISODE_REASON,
	"CIN": CATEGORY_OF_NEED,
	"PLACE": PLACEMENT_TYPE,
	"PLACE_PROVIDER": PLACEMENT_PROVIDER,
	"REC": EPISODE_CEASED_REASON,
	"REASON_PLACE_CHANGE": PLACEMENT_CHANGE_REASON,
	"REVIEW_CODE": PARTICIPATION_CODES,
}

# Codes the DfE split from an earlier one, with the first collection year they are returned in:
# a year before that returns the earlier code.
# Sex was returned as 1 (male) and 2 (female) before the 2024/25 collection.
SEX_CODES_BEFORE = ({"M": "1", "F": "2"}, 2024)
SPLIT_PLACEMENT_CODES = {"Z11": ("Z1", 2025), "Z12": ("Z1", 2025), "Z13": ("Z1", 2025), "Z14": ("Z1", 2025)}
NO_PROVIDER_PLACEMENTS = frozenset({"T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"})
TEMPORARY_PLACEMENTS = frozenset({"T0", "T1", "T2", "T3", "T4"})
PLACEMENT_CHANGES = frozenset({"P", "B", "T", "U"})
FORMER_FOSTER_CARER_ORDERS = frozenset({"E45", "E46"})
FOSTERING_PREFIX = "U"
PARENTS_ONLY_PROVIDER = "PR0"
PARENT_PLACEMENT = "P1"
NO_URN = "XXXXXXX"
NO_URN_PLACEMENTS = ADOPTION_PLACEMENTS | {"U1", "U2", "U3", "U4", "U5", "U6"}
NO_URN_RETURNED = frozenset(
	{"P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"}
)
URN_PLACEMENTS = frozenset(PLACEMENT_TYPE) - NO_URN_PLACEMENTS - NO_URN_RETURNED
SUPPORTED_ACCOMMODATION = "K3"
SUPPORTED_ACCOMMODATION_FROM_AGE = 16
UPN_PATTERN = re.compile(r"^((?![IOS])[A-Z](\d{12}|\d{11}[A-Z]))$|^UN[1-5]$")
POSTCODE_PATTERN = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$")
# The ONS codes of councils with children's services: English unitaries, metropolitan districts,
# London boroughs and counties; Welsh principal areas.
LOCAL_AUTHORITY_CODES = {"england": re.compile(r"^E(06|08|09|10)\d{6}$"), "wales": re.compile(r"^W06\d{6}$")}
SAME_DAY = "X1"
SINGLE_SHORT_BREAK = "V3"
LONGEST_SHORT_BREAK_DAYS = 17
LONG_TERM_FOSTERING = frozenset({"U1", "U4"})
ADOPTION_BY_FOSTER_CARERS = frozenset({"A5", "A6"})
PLACEMENT_ORDER = "E1"

# The app's own wording, mapped where the meaning is certain. A value missing here (such as
# "Foster Care", which may be U4, U5 or U6) is left for a person to code.
PLAIN_VALUE_CODES: dict[str, dict[str, str]] = {
	"LS": {
		"Interim Care Order": "C1",
		"Full Care Order": "C2",
		"Placement Order": "E1",
		"Accommodated by Agreement (s20 / s76)": "V2",
		"Police Protection": "L1",
		"Emergency Protection Order": "L2",
	},
	"PLACE": {
		"Children's Home": "K2",
		"Placed With Parents": "P1",
		"Semi-Independent": "K3",
		"Residential School": "S1",
		"Secure Unit": "K1",
	},
	"REC": {"Child Arrangements Order": "E41"},
	"SEX": {"Male": "M", "Female": "F"},
	"REASON_PLACE_CHANGE": {
		"Change to the Care Plan": "CARPL",
		"Provision Closed": "CLOSE",
		"Child Requested": "CHILD",
		"Other": "OTHER",
	},
}

HEADER_COLUMNS = ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB")
EPISODE_COLUMNS = (
	"CHILD",
	"DECOM",
	"RNE",
	"LS",
	"CIN",
	"PLACE",
	"PLACE_PROVIDER",
	"DEC",
	"REC",
	"REASON_PLACE_CHANGE",
	"HOME_POST",
	"PL_POST",
	"URN",
)
REVIEW_COLUMNS = ("CHILD", "DOB", "REVIEW", "REVIEW_CODE")


def code_for(code_set: str, plain_value: str) -> str:
	"""The 903 code the app's own wording certainly means, or "" when a person must choose."""
	return PLAIN_VALUE_CODES.get(code_set, {}).get(plain_value, "")


def is_local_authority_code(code: str, jurisdiction: str) -> bool:
	"""Whether ``code`` is the ONS code of a council with children's services in ``jurisdiction``
	("england" or "wales"), such as E09000027."""
	return bool(LOCAL_AUTHORITY_CODES[jurisdiction].match(code))


def collection_year(starting: int) -> tuple[date, date]:
	"""The collection year that starts on 1 April of ``starting``."""
	return date(starting, 4, 1), date(starting + 1, 3, 31)


def collection_year_of(day: date) -> int:
	"""The year the collection year holding ``day`` starts in."""
	return day.year if day.month >= 4 else day.year - 1


@dataclass(frozen=True)
class Line:
	"""A placement and legal status from ``start`` until the next line or the period's end."""

	start: date
	legal_status: str
	placement: str
	provider: str
	postcode: str
	urn: str = NO_URN
	change_reason: str = ""
	same_carer: bool = False
	ref: Hashable = ""

	def changes(self, earlier: "Line") -> bool:
		return self.placement_differs(earlier) or self.legal_status != earlier.legal_status

	def placement_differs(self, earlier: "Line") -> bool:
		return (self.placement, self.provider, self.postcode, self.urn) != (
			earlier.placement,
			earlier.provider,
			earlier.postcode,
			earlier.urn,
		) or self.same_carer


@dataclass(frozen=True)
class PeriodOfCare:
	start: date
	category_of_need: str
	home_postcode: str
	lines: tuple[Line, ...]
	end: date | None = None
	ceased_reason: str = ""
	ref: Hashable = ""


@dataclass(frozen=True)
class Review:
	held: date
	participation: str
	ref: Hashable = ""


@dataclass(frozen=True)
class Child:
	child_id: str
	sex: str
	date_of_birth: date
	ethnicity: str
	upn: str
	periods: tuple[PeriodOfCare, ...]
	reviews: tuple[Review, ...] = ()
	is_mother: bool = False
	mothers_child_born: date | None = None
	ref: Hashable = ""


@dataclass(frozen=True)
class Problem:
	"""Something that would make the return fail, on the record a person must open to fix it.
	``message`` is an English template with ``{0}``-style places for ``args``. A ``missing``
	value can wait until the return is made; any other problem is wrong as it stands."""

	ref: Hashable
	message: str
	args: tuple = field(default=())
	missing: bool = False


def missing_value(ref: Hashable, message: str, args: tuple = ()) -> Problem:
	return Problem(ref, message, args, missing=True)


def dmy(day: date | None) -> str:
	return day.strftime("%d/%m/%Y") if day else ""


def new_episode_reason(line: Line, earlier: Line | None) -> str:
	if earlier is None:
		return "S"
	legal = line.legal_status != earlier.legal_status
	if not line.placement_differs(earlier):
		return "L"
	if line.same_carer:
		return "B" if legal else "U"
	return "T" if legal else "P"


def line_ends(period: PeriodOfCare) -> list[tuple[Line, date | None, str]]:
	"""Each line with the day it ended and why: the next line's start (X1), else the period's."""
	ends = []
	for index, line in enumerate(period.lines):
		if index + 1 < len(period.lines):
			ends.append((line, period.lines[index + 1].start, SAME_DAY))
		else:
			ends.append((line, period.end, period.ceased_reason if period.end else ""))
	return ends


def overlaps(start: date, end: date | None, year: tuple[date, date]) -> bool:
	return start <= year[1] and (end is None or end >= year[0])


def move_reason(line: Line, later: Line | None) -> str:
	"""The 903 reason for placement change sits on the episode the move ended."""
	return later.change_reason if later and needs_move_reason(line, later) else ""


def needs_move_reason(earlier: Line, line: Line) -> bool:
	"""A change of placement needs a reason, unless a temporary placement is on either side."""
	return new_episode_reason(line, earlier) in PLACEMENT_CHANGES and not (
		{earlier.placement, line.placement} & TEMPORARY_PLACEMENTS
	)


def episode_rows(child: Child, year: tuple[date, date]) -> list[dict[str, str]]:
	"""Each line open during the year; one still open on 31 March has no end, reason or move in the
	return, whatever the site has recorded since."""
	rows = []
	for period in child.periods:
		lines = period.lines
		for index, (line, ended, reason) in enumerate(line_ends(period)):
			rne = new_episode_reason(line, lines[index - 1] if index else None)
			if not overlaps(line.start, ended, year):
				continue
			no_provider = line.placement in NO_PROVIDER_PLACEMENTS
			short_break = line.legal_status in SHORT_BREAK_LEGAL_STATUSES
			if ended is not None and ended > year[1]:
				ended, reason, later = None, "", None
			else:
				later = lines[index + 1] if index + 1 < len(lines) else None
			rows.append(
				{
					"CHILD": child.child_id,
					"DECOM": dmy(line.start),
					"RNE": rne,
					"LS": line.legal_status,
					"CIN": period.category_of_need,
					"PLACE": placement_code_in(line.placement, year),
					"PLACE_PROVIDER": "" if no_provider else line.provider,
					"DEC": dmy(ended),
					"REC": reason,
					"REASON_PLACE_CHANGE": move_reason(line, later),
					"HOME_POST": "" if short_break else period.home_postcode,
					"PL_POST": "" if short_break else line.postcode,
					"URN": "" if short_break else urn_of(line),
				}
			)
	return rows


def placement_code_in(code: str, year: tuple[date, date]) -> str:
	"""The placement's code in the specification of the year returned (Z11 is Z1 before 2025/26)."""
	earlier, first_year = SPLIT_PLACEMENT_CODES.get(code, (code, 0))
	return earlier if year[0].year < first_year else code


def urn_of(line: Line) -> str:
	"""The provider's Ofsted URN, never returned for a placement the DfE takes none for (with
	parents, temporary, other); XXXXXXX (none) only for foster and adoption placements."""
	if line.placement in NO_URN_RETURNED:
		return ""
	if line.urn and line.urn != NO_URN:
		return line.urn
	return NO_URN if line.placement in NO_URN_PLACEMENTS else ""


def in_short_breaks(child: Child, day: date) -> bool:
	line = line_on(child, day)
	return line is not None and line.legal_status in SHORT_BREAK_LEGAL_STATUSES


def line_on(child: Child, day: date) -> Line | None:
	"""The line in force on ``day``: a line ends the day the next starts; the last, on the period's end."""
	for period in child.periods:
		last = len(period.lines) - 1
		for index, (line, ended, _reason) in enumerate(line_ends(period)):
			if line.start <= day and (ended is None or day < ended or (index == last and day == ended)):
				return line
	return None


def review_rows(child: Child, year: tuple[date, date]) -> list[dict[str, str]]:
	return [
		{
			"CHILD": child.child_id,
			"DOB": dmy(child.date_of_birth),
			"REVIEW": dmy(review.held),
			"REVIEW_CODE": review.participation,
		}
		for review in sorted(child.reviews, key=lambda r: r.held)
		if year[0] <= review.held <= year[1] and not in_short_breaks(child, review.held)
	]


def header_row(child: Child, year: tuple[date, date]) -> dict[str, str]:
	"""A girl's motherhood as it stood in the year: a child born after the year, or after she left
	care in it, is not yet hers in its return; a child only on short breaks returns no motherhood."""
	female = child.sex == "F" and not only_short_breaks_in(child, year)
	mother = female and child.is_mother and mother_by(child, year)
	return {
		"CHILD": child.child_id,
		"SEX": sex_code_in(child.sex, year),
		"DOB": dmy(child.date_of_birth),
		"ETHNIC": child.ethnicity,
		"UPN": child.upn,
		"MOTHER": ("1" if mother else "0") if female else "",
		"MC_DOB": dmy(child.mothers_child_born) if mother else "",
	}


def sex_code_in(sex: str, year: tuple[date, date]) -> str:
	"""The child's sex in the code of the year returned (1 and 2 before 2024/25)."""
	earlier, first_year = SEX_CODES_BEFORE
	return earlier.get(sex, "") if year[0].year < first_year else sex


def only_short_breaks_in(child: Child, year: tuple[date, date]) -> bool:
	return all(
		line.legal_status in SHORT_BREAK_LEGAL_STATUSES
		for period in child.periods
		for line, ended, _reason in line_ends(period)
		if overlaps(line.start, ended, year)
	)


def mother_by(child: Child, year: tuple[date, date]) -> bool:
	"""Whether her child was born by the end of the year and of her last day looked after in it."""
	if child.mothers_child_born is None:
		return True
	last_day = max(
		min(period.end or year[1], year[1])
		for period in child.periods
		if overlaps(period.start, period.end, year)
	)
	return child.mothers_child_born <= last_day


@dataclass(frozen=True)
class Return:
	header: list[dict[str, str]]
	episodes: list[dict[str, str]]
	reviews: list[dict[str, str]]

	def files(self) -> dict[str, str]:
		return {
			"header.csv": to_csv(HEADER_COLUMNS, self.header),
			"episodes.csv": to_csv(EPISODE_COLUMNS, self.episodes),
			"reviews.csv": to_csv(REVIEW_COLUMNS, self.reviews),
		}


def build_return(children: Iterable[Child], year_starting: int) -> Return:
	"""The Header, Episodes and Reviews rows for every child looked after during the year."""
	year = collection_year(year_starting)
	header, episodes, reviews = [], [], []
	for child in children:
		rows = episode_rows(child, year)
		if not rows:
			continue
		header.append(header_row(child, year))
		episodes.extend(rows)
		reviews.extend(review_rows(child, year))
	return Return(header, episodes, reviews)


def to_csv(columns: tuple[str, ...], rows: list[dict[str, str]]) -> str:
	out = io.StringIO()
	writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
	writer.writeheader()
	writer.writerows(rows)
	return out.getvalue()


def code_problems(ref: Hashable, coded: tuple[tuple[str, str, str], ...], when_missing: str) -> list[Problem]:
	"""For each (code set, value, label): missing, or not a code of the set."""
	problems = []
	for code_set, value, label in coded:
		if not value:
			problems.append(missing_value(ref, when_missing, (label,)))
		elif value not in CODE_SETS[code_set]:
			problems.append(Problem(ref, "{0} is not a 903 {1} code.", (value, label)))
	return problems


def header_problems(child: Child) -> list[Problem]:
	problems = code_problems(
		child.ref,
		(("SEX", child.sex, "sex"), ("ETHNIC", child.ethnicity, "ethnicity")),
		"Record the child's {0} as a 903 code.",
	)
	if not child.upn:
		problems.append(missing_value(child.ref, "Record the UPN, or UN1 to UN5 when it is not known."))
	elif not UPN_PATTERN.match(child.upn):
		problems.append(
			Problem(child.ref, "The UPN must be a valid Unique Pupil Number or one of UN1 to UN5.")
		)
	return problems


def line_problems(line: Line, earlier: Line | None) -> list[Problem]:
	problems = code_problems(
		line.ref,
		(("LS", line.legal_status, "legal status"), ("PLACE", line.placement, "placement type")),
		"Record the {0} as a 903 code.",
	)
	problems.extend(provider_problems(line))
	if line.placement in URN_PLACEMENTS and urn_of(line) in ("", NO_URN):
		problems.append(
			missing_value(
				line.ref, "Record the provider's Ofsted URN: a {0} placement needs one.", (line.placement,)
			)
		)
	if line.legal_status in SHORT_BREAK_LEGAL_STATUSES:
		problems.extend(short_break_problems(line))
	else:
		problems.extend(postcode_problems(line.ref, line.postcode, "Record the placement's full postcode."))
	if line.placement in ADOPTION_BY_FOSTER_CARERS and line.legal_status != PLACEMENT_ORDER:
		problems.append(
			Problem(
				line.ref,
				"A placement for adoption with current foster carers (A5, A6) needs a placement order (E1).",
			)
		)
	if earlier and line.placement and earlier.placement and not line.changes(earlier):
		problems.append(Problem(line.ref, "This row changes neither the placement nor the legal status."))
	if earlier and needs_move_reason(earlier, line) and line.change_reason not in PLACEMENT_CHANGE_REASON:
		problems.append(missing_value(line.ref, "Record the 903 reason for the change of placement."))
	return problems


def short_break_problems(line: Line) -> list[Problem]:
	"""Short breaks are returned without postcodes, and are not long-term foster placements."""
	if line.placement in LONG_TERM_FOSTERING:
		return [
			Problem(
				line.ref, "A child on short breaks (V3, V4) is not in a long-term foster placement (U1, U4)."
			)
		]
	return []


def postcode_problems(ref: Hashable, postcode: str, when_missing: str) -> list[Problem]:
	if not postcode:
		return [missing_value(ref, when_missing)]
	if not POSTCODE_PATTERN.match(postcode):
		return [Problem(ref, "{0} is not a full postcode.", (postcode,))]
	return []


def provider_problems(line: Line) -> list[Problem]:
	if line.placement in NO_PROVIDER_PLACEMENTS:
		return []
	if line.provider not in PLACEMENT_PROVIDER:
		return [missing_value(line.ref, "Record the placement provider as a 903 code.")]
	if line.placement and (line.provider == PARENTS_ONLY_PROVIDER) != (line.placement == PARENT_PLACEMENT):
		return [Problem(line.ref, "Provider PR0 goes with, and only with, placement P1.")]
	return []


def period_problems(period: PeriodOfCare) -> list[Problem]:
	problems = []
	if period.category_of_need not in CATEGORY_OF_NEED:
		problems.append(missing_value(period.ref, "Record the category of need as a 903 code."))
	if not (period.lines and all(line.legal_status in SHORT_BREAK_LEGAL_STATUSES for line in period.lines)):
		problems.extend(
			postcode_problems(
				period.ref, period.home_postcode, "Record the full postcode of the child's home."
			)
		)
	for line, ended, _reason in line_ends(period):
		if (
			line.legal_status == SINGLE_SHORT_BREAK
			and ended
			and (ended - line.start).days > LONGEST_SHORT_BREAK_DAYS
		):
			problems.append(
				Problem(
					line.ref,
					"A short break recorded under V3 lasts at most 17 days; record a series of short breaks under V4.",
				)
			)
	for line in period.lines:
		if line.postcode and line.postcode == period.home_postcode and line.placement != PARENT_PLACEMENT:
			problems.append(
				Problem(
					line.ref,
					"The placement's postcode is the child's home postcode but the child is not placed with parents.",
				)
			)
	if period.end and period.ceased_reason not in EPISODE_CEASED_REASON:
		problems.append(
			missing_value(period.ref, "Record the 903 reason the child ceased to be looked after.")
		)
	if (
		period.ceased_reason in FORMER_FOSTER_CARER_ORDERS
		and period.lines
		and period.lines[-1].placement
		and not period.lines[-1].placement.startswith(FOSTERING_PREFIX)
	):
		problems.append(
			Problem(
				period.ref,
				"A special guardianship order to former foster carers (E45, E46) needs a last placement in foster care (U1 to U6).",
			)
		)
	if not period.lines:
		problems.append(missing_value(period.ref, "Record the placement and legal status."))
	earlier = None
	for line in period.lines:
		problems.extend(line_problems(line, earlier))
		earlier = line
	return problems


def supported_accommodation_problems(child: Child, period: PeriodOfCare) -> list[Problem]:
	old_enough = add_months(child.date_of_birth, 12 * SUPPORTED_ACCOMMODATION_FROM_AGE)
	return [
		Problem(
			line.ref,
			"Supported accommodation (K3) is for young people of 16 and over; the child was under 16 on {0}.",
			(dmy(line.start),),
		)
		for line in period.lines
		if line.placement == SUPPORTED_ACCOMMODATION and line.start < old_enough
	]


def review_problems(child: Child, review: Review) -> list[Problem]:
	if review.participation not in PARTICIPATION_CODES:
		return [missing_value(review.ref, "Record the child's participation code.")]
	if line_on(child, review.held) is None:
		return [Problem(review.ref, "The review was held when the child was not looked after.")]
	if not participation_code_fits_age(review.participation, child.date_of_birth, review.held):
		return [Problem(review.ref, "PN0 is for, and only for, a child under 4 at the review.")]
	return []


def return_problems(children: Iterable[Child], year_starting: int) -> list[Problem]:
	"""What the app can see that the DfE's validator would refuse, record by record."""
	year = collection_year(year_starting)
	problems = []
	for child in children:
		if not episode_rows(child, year):
			continue
		problems.extend(header_problems(child))
		for period in child.periods:
			if overlaps(period.start, period.end, year):
				problems.extend(period_problems(period))
				problems.extend(supported_accommodation_problems(child, period))
		for review in child.reviews:
			if year[0] <= review.held <= year[1]:
				problems.extend(review_problems(child, review))
	return problems
