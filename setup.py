"""Maps the repository's top-level data folders into the package when it is built.

`resources/` (question bank, force directory, clauses, glossary) and `templates/` (Word letter
templates) stay at the top of the repository where they are easy to find and edit; installed,
they are the packages `composer.resources` and `composer.templates`, read through
importlib.resources (composer/paths.py). Everything else about the build is in pyproject.toml.
"""

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

DATA_PACKAGES = {"composer.resources": "resources", "composer.templates": "templates"}
DEVELOPER_ONLY = {("composer.templates", "make_templates")}  # rebuilds the .docx; not shipped


class BuildPy(build_py):
    def find_package_modules(self, package, package_dir):
        modules = super().find_package_modules(package, package_dir)
        return [m for m in modules if (m[0], m[1]) not in DEVELOPER_ONLY]


setup(
    packages=find_packages(include=["composer", "composer.*"]) + list(DATA_PACKAGES),
    package_dir=DATA_PACKAGES,
    cmdclass={"build_py": BuildPy},
)
