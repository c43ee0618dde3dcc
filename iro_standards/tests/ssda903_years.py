"""Realistic generated collection years for the SSDA903 tests: children coming into care, moving,
changing legal status, leaving, and reviewed on the statutory cycle."""

import random
from dataclasses import replace
from datetime import date, timedelta

from iro_standards.standards.dates import add_months
from iro_standards.standards.ssda903 import Child, Line, PeriodOfCare, Review, collection_year

ETHNICITIES = ("WBRI", "WOTH", "MWBC", "MWAS", "AIND", "APKN", "BAFR", "BCRB", "CHNE", "OOTH")
REASONS_LEFT = ("E4A", "E4B", "E13", "E41", "E47", "E48", "E8")
CARERS = (
	("U4", "PR1"),
	("U6", "PR1"),
	("U6", "PR4"),
	("U1", "PR1"),
	("U3", "PR1"),
	("K2", "PR4"),
	("K2", "PR1"),
	("Z12", ""),
)
URNS = ("SC123456", "SC654321", "SC111222")
HELD_BEYOND_THE_YEAR = 250


def fostering(placement: str) -> bool:
	return placement.startswith("U")


def urn_for(placement: str, registered: str) -> str:
	if fostering(placement):
		return "XXXXXXX"
	return "" if placement.startswith("Z") else registered


class YearGenerator:
	def __init__(self, seed: int, year_starting: int, postcodes: list[str]):
		self.rng = random.Random(seed)
		self.year = collection_year(year_starting)
		self.postcodes = postcodes

	def children(self, count: int) -> list[Child]:
		return [self.child(f"C{index:06d}") for index in range(count)]

	def day_between(self, start: date, end: date) -> date:
		return start + timedelta(days=self.rng.randint(0, max((end - start).days, 0)))

	def child(self, child_id: str) -> Child:
		year_start, year_end = self.year
		born = self.day_between(add_months(year_end, -12 * 17 + 1), year_start - timedelta(days=120))
		started = self.day_between(max(born + timedelta(days=7), add_months(year_start, -30)), year_end)
		upn_due = date(year_start.year - 1, 8, 31)
		upn = f"A{self.rng.randrange(10**12):012d}" if add_months(born, 48) <= upn_due else "UN1"
		period = self.period(started, born, ref=f"{child_id}-P")
		return Child(
			child_id=child_id,
			sex=self.rng.choice("MF"),
			date_of_birth=born,
			ethnicity=self.rng.choice(ETHNICITIES),
			upn=upn,
			periods=(period,),
			reviews=tuple(self.reviews(period, born, child_id)),
			ref=child_id,
		)

	def period(self, started: date, born: date, ref: str) -> PeriodOfCare:
		"""A period as a site holds it months later: moves and endings go on past the year's end."""
		held_until = self.year[1] + timedelta(days=HELD_BEYOND_THE_YEAR)
		legal = self.rng.choice(("C1", "C1", "V2", "C2"))
		placement, provider = self.rng.choice(CARERS)
		lines = [self.line(started, legal, placement, provider, "", f"{ref}-1")]
		day = started
		for index in range(self.rng.randint(0, 3)):
			day = day + timedelta(days=self.rng.randint(40, 200))
			if day >= min(held_until, add_months(born, 12 * 18) - timedelta(days=1)):
				break
			lines.append(self.next_line(lines[-1], day, f"{ref}-{index + 2}"))
		end = None
		if self.rng.random() < 0.25:
			end = lines[-1].start + timedelta(days=self.rng.randint(30, 200))
			end = end if end <= held_until else None
		return PeriodOfCare(
			start=started,
			category_of_need=self.rng.choice(("N1", "N1", "N1", "N2", "N4", "N5", "N8")),
			home_postcode=self.postcodes[0],
			lines=tuple(lines),
			end=end,
			ceased_reason=self.ceased_reason(lines[-1]) if end else "",
			ref=ref,
		)

	def ceased_reason(self, last: Line) -> str:
		reasons = REASONS_LEFT + (("E45", "E46") if fostering(last.placement) else ())
		return self.rng.choice(reasons)

	def line(
		self, start: date, legal: str, placement: str, provider: str, reason: str, ref: str, avoid: str = ""
	) -> Line:
		return Line(
			start=start,
			legal_status=legal,
			placement=placement,
			provider=provider,
			postcode=self.rng.choice([p for p in self.postcodes[1:] if p != avoid]),
			urn=urn_for(placement, self.rng.choice(URNS)),
			change_reason=reason,
			ref=ref,
		)

	def next_line(self, earlier: Line, start: date, ref: str) -> Line:
		if earlier.legal_status == "C1" and self.rng.random() < 0.4:
			return replace(earlier, start=start, legal_status="C2", ref=ref)
		placement, provider = self.rng.choice(CARERS)
		reason = self.rng.choice(("CARPL", "CREQO", "CHILD", "STAND", "OTHER"))
		return self.line(
			start, earlier.legal_status, placement, provider, reason, ref, avoid=earlier.postcode
		)

	def reviews(self, period: PeriodOfCare, born: date, child_id: str) -> list[Review]:
		last_day = min(period.end or self.year[1], self.year[1])
		held = period.start + timedelta(days=self.rng.randint(14, 27))
		reviews = []
		while held <= last_day:
			under_four = add_months(born, 48) > held
			code = "PN0" if under_four else self.rng.choice(("PN1", "PN1", "PN2", "PN3", "PN5", "PN6", "PN7"))
			reviews.append(Review(held, code, ref=f"{child_id}-R{len(reviews) + 1}"))
			held = add_months(held, 3 if len(reviews) == 1 else 6) - timedelta(days=self.rng.randint(0, 10))
		return reviews
