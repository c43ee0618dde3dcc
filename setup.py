from setuptools import find_packages, setup

from iro_standards import __version__ as version

with open("requirements.txt") as f:
	install_requires = [line.strip() for line in f if line.strip() and not line.startswith("#")]

setup(
	name="iro_standards",
	version=version,
	description="Independent Reviewing Officer practice standards for Frappe",
	author="iro_standards contributors",
	author_email="iro-standards@example.org",
	license="MIT",
	packages=find_packages(exclude=("tests", "tests.*")),
	zip_safe=False,
	include_package_data=True,
	install_requires=install_requires,
	extras_require={
		"test": ["pytest>=8", "pytest-cov>=5", "hypothesis>=6", "ruff>=0.4", "csc-validator-be-903>=0.1.17"]
	},
	python_requires=">=3.10",
)
