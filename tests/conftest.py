from datetime import date

import pytest

from iro_standards.standards import WorkingCalendar


@pytest.fixture(scope="session")
def england() -> WorkingCalendar:
	return WorkingCalendar("england")


@pytest.fixture(scope="session")
def christmas_shutdown() -> WorkingCalendar:
	return WorkingCalendar(
		"england", extra_closures=[date(2025, 12, 29), date(2025, 12, 30), date(2025, 12, 31)]
	)
