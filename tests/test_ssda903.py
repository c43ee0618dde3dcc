import csv
import io
from dataclasses import replace
from datetime import date

import pytest
from dfe_validator import failures, local_postcodes, real_failures

from iro_standards.standards.ssda903 import (
	CODE_SETS,
	EPISODE_COLUMNS,
	HEADER_COLUMNS,
	PLAIN_VALUE_CODES,
	REVIEW_COLUMNS,
	Child,
	Line,
	PeriodOfCare,
	Review,
	build_return,
	code_for,
	collection_year,
	collection_year_of,
	episode_rows,
	is_local_authority_code,
	line_on,
	new_episode_reason,
	return_problems,
)
from iro_standards.tests.ssda903_years import YearGenerator

HOME = "TW1 1AA"
AWAY = "TW1 1AF"
ELSEWHERE = "TW1 1AR"


@pytest.fixture(scope="module")
def postcodes() -> list[str]:
	return local_postcodes()


@pytest.mark.parametrize("year_starting", [2024, 2025, 2026])
@pytest.mark.parametrize("seed", [1, 2])
def test_a_generated_year_passes_the_dfe_validator_with_no_errors(postcodes, year_starting, seed):
	children = YearGenerator(seed, year_starting, postcodes).children(150)
	assert return_problems(children, year_starting) == []
	built = build_return(children, year_starting)
	assert len(built.header) > 100 and len(built.episodes) > len(built.header) and built.reviews
	assert real_failures(built.files(), year_starting) == {}


def line(start: date, **changes) -> Line:
	fields = {
		"legal_status": "C2",
		"placement": "U4",
		"provider": "PR1",
		"postcode": AWAY,
		"ref": f"line {start}",
	}
	return Line(start=start, **{**fields, **changes})


def child(*lines: Line, reviews=(), born=date(2015, 6, 1), end=None, ceased="", **changes) -> Child:
	period = PeriodOfCare(
		start=lines[0].start,
		category_of_need="N1",
		home_postcode=HOME,
		lines=lines,
		end=end,
		ceased_reason=ceased,
		ref="period",
	)
	fields = {
		"child_id": "C1",
		"sex": "F",
		"date_of_birth": born,
		"ethnicity": "WBRI",
		"upn": "A123456789012",
		"periods": (period,),
		"reviews": tuple(reviews),
		"ref": "child",
	}
	return Child(**{**fields, **changes})


def refs_and_messages(children, year=2025):
	return [(problem.ref, problem.message) for problem in return_problems(children, year)]


def rule_codes(children, year=2025) -> set[str]:
	return {rule.split(":")[0] for rule in real_failures(build_return(children, year).files(), year)}


FIRST = date(2025, 5, 1)
MOVE = date(2025, 9, 1)


@pytest.mark.parametrize(
	("record", "message", "dfe_rule"),
	[
		(
			child(line(FIRST), reviews=[Review(date(2025, 5, 20), "PN0", "review")]),
			"PN0 is for, and only for, a child under 4 at the review.",
			"440",
		),
		(
			child(
				line(FIRST),
				born=date(2023, 1, 1),
				upn="UN1",
				reviews=[Review(date(2025, 5, 20), "PN1", "review")],
			),
			"PN0 is for, and only for, a child under 4 at the review.",
			"441",
		),
		(
			child(line(FIRST, postcode=HOME)),
			"The placement's postcode is the child's home postcode but the child is not placed with parents.",
			"392d",
		),
		(
			child(line(FIRST, placement="K2", urn="SC123456"), end=date(2025, 8, 1), ceased="E45"),
			"A special guardianship order to former foster carers (E45, E46) needs a last placement in foster care (U1 to U6).",
			"516",
		),
		(
			child(line(FIRST), line(MOVE, postcode=ELSEWHERE)),
			"Record the 903 reason for the change of placement.",
			"225",
		),
		(
			child(line(FIRST), line(MOVE)),
			"This row changes neither the placement nor the legal status.",
			"434",
		),
		(child(line(FIRST), sex="X"), "{0} is not a 903 {1} code.", "101"),
		(
			child(line(FIRST), upn="UN9"),
			"The UPN must be a valid Unique Pupil Number or one of UN1 to UN5.",
			"168",
		),
		(child(line(FIRST, placement="Q9")), "{0} is not a 903 {1} code.", "146"),
		(
			child(line(FIRST, placement="K2", provider="PR4")),
			"Record the provider's Ofsted URN: a {0} placement needs one.",
			"218",
		),
		(
			child(
				line(FIRST, placement="K3", provider="PR4", urn="SC123456"),
				end=date(2025, 8, 1),
				ceased="E4A",
			),
			"Supported accommodation (K3) is for young people of 16 and over; the child was under 16 on {0}.",
			"371",
		),
		(
			child(line(FIRST, legal_status="V4", placement="U4", postcode="")),
			"A child on short breaks (V3, V4) is not in a long-term foster placement (U1, U4).",
			"384",
		),
		(
			child(
				line(FIRST, legal_status="V3", placement="U6", postcode=""),
				end=date(2025, 5, 30),
				ceased="E8",
			),
			"A short break recorded under V3 lasts at most 17 days; record a series of short breaks under V4.",
			"365",
		),
		(
			child(line(FIRST, legal_status="C2", placement="A5", provider="PR1", postcode=ELSEWHERE)),
			"A placement for adoption with current foster carers (A5, A6) needs a placement order (E1).",
			"408",
		),
	],
)
def test_what_the_dfe_validator_refuses_the_app_catches_first(record, message, dfe_rule):
	assert message in [found for _ref, found in refs_and_messages([record])]
	assert dfe_rule in rule_codes([record])


def test_short_breaks_are_returned_without_postcodes_and_need_none():
	breaks = child(
		line(FIRST, legal_status="V4", placement="U6"),
		line(
			MOVE,
			legal_status="V4",
			placement="K2",
			urn="SC123456",
			provider="PR4",
			change_reason="CHILD",
			postcode=ELSEWHERE,
		),
	)
	returned = build_return([replace(breaks, is_mother=True, mothers_child_born=date(2024, 1, 1))], 2025)
	assert [(e["HOME_POST"], e["PL_POST"], e["URN"]) for e in returned.episodes] == [("", "", "")] * 2
	assert (returned.header[0]["MOTHER"], returned.header[0]["MC_DOB"]) == ("", "")
	assert not {"398", "214", "399"} & rule_codes([breaks])
	without = replace(
		breaks,
		periods=(
			replace(
				breaks.periods[0],
				home_postcode="",
				lines=tuple(replace(each, postcode="") for each in breaks.periods[0].lines),
			),
		),
	)
	assert refs_and_messages([without]) == []


def test_a_review_outside_every_period_of_care_is_refused_though_the_dfe_has_no_rule_for_it():
	record = child(
		line(FIRST), end=date(2025, 6, 1), ceased="E4A", reviews=[Review(date(2025, 7, 1), "PN1", "review")]
	)
	assert refs_and_messages([record]) == [
		("review", "The review was held when the child was not looked after.")
	]


def test_xxxxxxx_is_the_urn_of_foster_and_adoption_placements_only_and_16_year_olds_may_be_in_k3():
	lines = (
		line(FIRST, placement="T0", provider=""),
		line(MOVE, placement="K3", provider="PR4", urn="SC123456", postcode=ELSEWHERE, change_reason="CHILD"),
		line(date(2025, 12, 1), placement="U4", change_reason="CARPL"),
	)
	record = child(*lines, born=date(2009, 5, 1))
	assert [r["URN"] for r in build_return([record], 2025).episodes] == ["", "SC123456", "XXXXXXX"]
	assert refs_and_messages([record]) == []


def test_a_placement_code_the_dfe_split_is_returned_as_the_earlier_code_before_its_first_year():
	record = child(line(date(2024, 5, 1), placement="Z13", provider=""), born=date(2009, 1, 1))
	assert [r["PLACE"] for r in build_return([record], 2024).episodes] == ["Z1"]
	assert [r["PLACE"] for r in build_return([record], 2025).episodes] == ["Z13"]


def test_the_validator_contradicts_itself_on_a_short_breaks_urn():
	"""Named here rather than skipped: rule 218 wants a URN on every episode outside its exempt
	placements and rule 214 wants none on a short break, so a V4 foster placement fails one or the
	other. The app returns none (214); real_failures sets 218 aside for short breaks only. When the
	DfE resolves it this fails."""
	breaks = child(line(FIRST, legal_status="V4", placement="U6", postcode=""))
	returned = build_return([breaks], 2025)
	assert returned.episodes[0]["URN"] == ""
	assert any(rule.startswith("218") for rule in failures(returned.files(), 2025))
	assert real_failures(returned.files(), 2025) == {}
	returned.episodes[0]["URN"] = "XXXXXXX"
	assert any(rule.startswith("214") for rule in failures(returned.files(), 2025))


def test_sex_is_returned_as_1_and_2_before_2024_25():
	boy, girl = child(line(date(2023, 5, 1)), sex="M"), child(line(date(2023, 5, 1)), child_id="C2")
	assert [h["SEX"] for h in build_return([boy, girl], 2023).header] == ["1", "2"]
	assert [h["SEX"] for h in build_return([boy, girl], 2024).header] == ["M", "F"]
	assert "101" not in rule_codes([boy, girl], 2023)


def test_the_2024_25_validator_refuses_k3_a_code_of_its_own_year():
	"""Named here rather than skipped: the rule's list of 2024/25 codes holds "k3" in lower case.
	When the DfE's validator is fixed this fails, and K3 can join the generated years."""
	in_supported_accommodation = child(
		line(date(2024, 5, 1), placement="K3", provider="PR4", urn="SC123456"), born=date(2007, 1, 1)
	)
	assert "146" in rule_codes([in_supported_accommodation], 2024)
	assert "146" not in rule_codes([in_supported_accommodation], 2025)
	assert refs_and_messages([in_supported_accommodation], 2024) == []


def test_each_problem_names_the_record_to_open():
	record = child(
		line(FIRST),
		line(MOVE, postcode=ELSEWHERE, ref="the move"),
		reviews=[Review(date(2025, 5, 20), "PN0", "the review")],
	)
	assert refs_and_messages([record]) == [
		("the move", "Record the 903 reason for the change of placement."),
		("the review", "PN0 is for, and only for, a child under 4 at the review."),
	]


@pytest.mark.parametrize(
	("changes", "expected"),
	[
		({"legal_status": "E1"}, "L"),
		({"postcode": ELSEWHERE}, "P"),
		({"postcode": ELSEWHERE, "legal_status": "E1"}, "T"),
		({"same_carer": True}, "U"),
		({"same_carer": True, "placement": "U5"}, "U"),
		({"same_carer": True, "legal_status": "E1"}, "B"),
	],
)
def test_the_reason_for_a_new_episode_is_read_off_what_changed(changes, expected):
	earlier = line(FIRST)
	assert new_episode_reason(line(MOVE, **changes), earlier) == expected
	assert new_episode_reason(earlier, None) == "S"


def test_each_line_ends_the_day_the_next_starts_and_the_last_with_the_period():
	record = child(
		line(FIRST),
		line(MOVE, legal_status="E1"),
		line(date(2025, 12, 1), legal_status="E1", postcode=ELSEWHERE, change_reason="CARPL"),
		end=date(2026, 2, 1),
		ceased="E11",
	)
	rows = episode_rows(record, collection_year(2025))
	assert [(r["DECOM"], r["RNE"], r["DEC"], r["REC"], r["REASON_PLACE_CHANGE"]) for r in rows] == [
		("01/05/2025", "S", "01/09/2025", "X1", ""),
		("01/09/2025", "L", "01/12/2025", "X1", "CARPL"),
		("01/12/2025", "P", "01/02/2026", "E11", ""),
	]


def test_a_temporary_placement_carries_no_reason_for_change_and_no_provider():
	record = child(
		line(FIRST),
		line(MOVE, placement="T1", provider="", change_reason="OTHER"),
		line(date(2025, 9, 5), change_reason="OTHER", postcode=ELSEWHERE),
	)
	rows = episode_rows(record, collection_year(2025))
	assert [(r["PLACE"], r["PLACE_PROVIDER"], r["REASON_PLACE_CHANGE"]) for r in rows] == [
		("U4", "PR1", ""),
		("T1", "", ""),
		("U4", "PR1", ""),
	]
	assert refs_and_messages([record]) == []


def test_only_the_lines_open_in_the_year_are_exported():
	record = child(
		line(date(2023, 1, 10)),
		line(date(2024, 2, 1), postcode=ELSEWHERE, change_reason="CHILD"),
		line(date(2025, 6, 1), change_reason="CARPL"),
	)
	rows = episode_rows(record, collection_year(2025))
	assert [r["DECOM"] for r in rows] == ["01/02/2024", "01/06/2025"]
	left = child(line(date(2023, 1, 10)), end=date(2024, 3, 1), ceased="E4A")
	assert build_return([left], 2025).header == []


def test_what_happened_after_the_year_is_not_in_its_return():
	moved_in_july = child(
		line(FIRST),
		line(date(2026, 7, 1), postcode=ELSEWHERE, change_reason="CARPL"),
		reviews=[Review(date(2025, 5, 20), "PN1"), Review(date(2026, 5, 20), "PN1")],
	)
	left_in_june = child(line(FIRST), end=date(2026, 6, 1), ceased="E4A", child_id="C2")
	built = build_return([moved_in_july, left_in_june], 2025)
	assert [
		(r["CHILD"], r["DECOM"], r["DEC"], r["REC"], r["REASON_PLACE_CHANGE"]) for r in built.episodes
	] == [
		("C1", "01/05/2025", "", "", ""),
		("C2", "01/05/2025", "", "", ""),
	]
	assert [r["REVIEW"] for r in built.reviews] == ["20/05/2025"]
	assert [r["DEC"] for r in build_return([moved_in_july], 2026).episodes] == ["01/07/2026", ""]


def test_reviews_are_those_held_in_the_year_and_not_during_short_breaks():
	record = child(
		line(date(2024, 11, 1), legal_status="V3"),
		line(date(2025, 6, 1), legal_status="C1"),
		reviews=[
			Review(date(2025, 3, 30), "PN1"),
			Review(date(2025, 5, 1), "PN1"),
			Review(date(2025, 7, 1), "PN5"),
			Review(date(2026, 4, 1), "PN1"),
		],
	)
	assert [(r["REVIEW"], r["REVIEW_CODE"]) for r in build_return([record], 2025).reviews] == [
		("01/07/2025", "PN5")
	]


def test_the_line_in_force_on_a_day():
	record = child(line(FIRST), line(MOVE, legal_status="E1"), end=date(2025, 10, 1), ceased="E41")
	assert line_on(record, date(2025, 4, 30)) is None
	assert line_on(record, FIRST).legal_status == "C2"
	assert line_on(record, date(2025, 8, 31)).legal_status == "C2"
	assert line_on(record, MOVE).legal_status == "E1"
	assert line_on(record, date(2025, 10, 1)).legal_status == "E1"
	assert line_on(record, date(2025, 10, 2)) is None


def test_the_header_records_motherhood_for_girls_only():
	mother = child(line(FIRST), is_mother=True, mothers_child_born=date(2025, 2, 3))
	boy = child(line(FIRST), sex="M", child_id="C2", is_mother=True)
	girl = child(line(FIRST), child_id="C3")
	header = build_return([mother, boy, girl], 2025).header
	assert [(h["CHILD"], h["MOTHER"], h["MC_DOB"]) for h in header] == [
		("C1", "1", "03/02/2025"),
		("C2", "", ""),
		("C3", "0", ""),
	]


def test_a_mother_is_returned_as_one_only_from_the_birth_while_she_was_looked_after():
	born_after_the_year = child(line(FIRST), is_mother=True, mothers_child_born=date(2026, 7, 11))
	born_after_she_left = child(
		line(FIRST),
		child_id="C2",
		is_mother=True,
		mothers_child_born=date(2025, 12, 1),
		end=date(2025, 10, 1),
		ceased="E8",
	)
	header = build_return([born_after_the_year, born_after_she_left], 2025).header
	assert [(h["MOTHER"], h["MC_DOB"]) for h in header] == [("0", ""), ("0", "")]
	assert "625" not in rule_codes([born_after_the_year, born_after_she_left])
	assert build_return([born_after_the_year], 2026).header[0]["MOTHER"] == "1"
	undated = child(line(FIRST), is_mother=True)
	assert (
		build_return([undated], 2025).header[0]["MOTHER"],
		build_return([undated], 2025).header[0]["MC_DOB"],
	) == ("1", "")


def test_the_files_are_the_dfe_layout():
	built = build_return([child(line(FIRST), reviews=[Review(date(2025, 5, 20), "PN1")])], 2025)
	files = built.files()
	for name, columns in (
		("header.csv", HEADER_COLUMNS),
		("episodes.csv", EPISODE_COLUMNS),
		("reviews.csv", REVIEW_COLUMNS),
	):
		reader = csv.DictReader(io.StringIO(files[name]))
		assert tuple(reader.fieldnames) == columns
		assert len(list(reader)) == 1


@pytest.mark.parametrize(
	("record", "expected"),
	[
		(
			child(line(FIRST, legal_status="", placement="")),
			[
				("line 2025-05-01", "Record the {0} as a 903 code."),
				("line 2025-05-01", "Record the {0} as a 903 code."),
			],
		),
		(
			child(line(FIRST, legal_status="ZZ")),
			[("line 2025-05-01", "{0} is not a 903 {1} code.")],
		),
		(child(line(FIRST), sex="", ethnicity=""), [("child", "Record the child's {0} as a 903 code.")] * 2),
		(
			child(line(FIRST, provider="PR0")),
			[("line 2025-05-01", "Provider PR0 goes with, and only with, placement P1.")],
		),
		(child(line(FIRST, placement="P1", postcode=HOME, provider="PR0")), []),
		(
			child(line(FIRST, provider="")),
			[("line 2025-05-01", "Record the placement provider as a 903 code.")],
		),
		(child(line(FIRST, postcode="TW1")), [("line 2025-05-01", "{0} is not a full postcode.")]),
		(child(line(FIRST, postcode="")), [("line 2025-05-01", "Record the placement's full postcode.")]),
		(child(line(FIRST), upn=""), [("child", "Record the UPN, or UN1 to UN5 when it is not known.")]),
		(
			child(line(FIRST, placement="", provider="PR0"), end=date(2025, 8, 1), ceased="E45"),
			[("line 2025-05-01", "Record the {0} as a 903 code.")],
		),
		(
			child(line(FIRST), line(MOVE, placement="")),
			[
				("line 2025-09-01", "Record the {0} as a 903 code."),
				("line 2025-09-01", "Record the 903 reason for the change of placement."),
			],
		),
		(
			child(line(FIRST), end=date(2025, 6, 1)),
			[("period", "Record the 903 reason the child ceased to be looked after.")],
		),
		(
			child(line(FIRST), reviews=[Review(date(2025, 6, 1), "", "review")]),
			[("review", "Record the child's participation code.")],
		),
		(
			child(line(FIRST), reviews=[Review(date(2026, 6, 1), "PN9", "next year")]),
			[],
		),
	],
)
def test_the_apps_own_checks(record, expected):
	assert refs_and_messages([record]) == expected


def test_what_is_missing_can_wait_but_what_is_wrong_cannot():
	record = child(line(FIRST, provider="PR0", postcode=""), upn="", sex="X")
	assert [(p.message, p.missing) for p in return_problems([record], 2025)] == [
		("{0} is not a 903 {1} code.", False),
		("Record the UPN, or UN1 to UN5 when it is not known.", True),
		("Provider PR0 goes with, and only with, placement P1.", False),
		("Record the placement's full postcode.", True),
	]


def test_a_period_needs_a_category_of_need_a_home_postcode_and_a_placement():
	period = PeriodOfCare(start=FIRST, category_of_need="", home_postcode="", lines=(), ref="period")
	bare = child(line(FIRST), periods=(period, child(line(MOVE)).periods[0]))
	assert refs_and_messages([bare]) == [
		("period", "Record the category of need as a 903 code."),
		("period", "Record the full postcode of the child's home."),
		("period", "Record the placement and legal status."),
	]


def test_a_child_out_of_care_all_year_is_not_checked_nor_a_period_before_the_year():
	left = child(line(date(2023, 1, 1), legal_status=""), end=date(2024, 1, 1), ceased="")
	assert refs_and_messages([left]) == []
	back = replace(left, periods=(*left.periods, child(line(FIRST)).periods[0]))
	assert refs_and_messages([back]) == []


@pytest.mark.parametrize(
	("code", "jurisdiction", "expected"),
	[
		("E09000027", "england", True),
		("E10000030", "england", True),
		("E06000001", "england", True),
		("E07000207", "england", False),
		("W06000015", "england", False),
		("W06000015", "wales", True),
		("E09000027", "wales", False),
		("E0900002", "england", False),
		("e09000027", "england", False),
	],
)
def test_a_local_authority_is_known_by_its_ons_code_in_its_own_jurisdiction(code, jurisdiction, expected):
	assert is_local_authority_code(code, jurisdiction) is expected


def test_the_collection_year_runs_from_april_to_march():
	assert collection_year(2025) == (date(2025, 4, 1), date(2026, 3, 31))
	assert collection_year_of(date(2026, 3, 31)) == 2025
	assert collection_year_of(date(2026, 4, 1)) == 2026


def test_every_code_has_a_meaning_and_plain_values_map_only_to_real_codes():
	assert all(CODE_SETS[code_set][code] for code_set, codes in CODE_SETS.items() for code in codes)
	assert "Q1" not in CODE_SETS["LS"]
	for code_set, plain in PLAIN_VALUE_CODES.items():
		assert all(code in CODE_SETS[code_set] for code in plain.values())
	assert code_for("LS", "Full Care Order") == "C2"
	assert code_for("PLACE", "Foster Care") == ""
	assert code_for("CIN", "anything") == ""


def test_a_same_day_line_keeps_the_validator_happy(postcodes):
	record = child(
		line(FIRST, postcode=postcodes[3]),
		line(MOVE, legal_status="E1", postcode=postcodes[3]),
		line(date(2025, 11, 3), legal_status="E1", postcode=postcodes[4], change_reason="CARPL"),
		reviews=[Review(date(2025, 5, 20), "PN1"), Review(date(2025, 8, 20), "PN6")],
	)
	record = replace(record, periods=(replace(record.periods[0], home_postcode=postcodes[0]),))
	assert refs_and_messages([record]) == []
	assert rule_codes([record]) == set()
