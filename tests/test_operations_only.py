"""Only `composer/operations/` changes a request or a campaign: read the source and find every
assignment to one of their fields made anywhere else."""

from __future__ import annotations

import ast

from conftest import PROJECT
from pydantic import BaseModel

from composer import model
from composer.campaign import model as campaign_model

REQUEST_AND_CAMPAIGN = (model.Request, model.Part, model.Options, campaign_model.Campaign,
                        campaign_model.Tracked, campaign_model.Event, campaign_model.Attachment)
FIELDS = {name for cls in REQUEST_AND_CAMPAIGN for name in cls.model_fields}

# Functions that assign to an attribute of the same name on something else, or that build a
# brand-new value before anyone holds it. Each entry says which; none changes a user's request
# or campaign.
NOT_A_CHANGE = {
    ("composer/replies.py", "read_reply"): "a ReplyReading being built",
    ("composer/letters/templates.py", "_set_core"): "an XML node of a Word template",
    ("composer/textimport.py", "_join_lines"): "a line of pasted text",
    ("composer/textimport.py", "_finish"): "the parts and options of a request being read from text",
    ("composer/library.py", "strip_personal_data"): "a fresh copy being prepared for sharing",
}


def _assignments(path):
    tree = ast.parse(path.read_text("utf-8"))
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
                targets = [node.target]
            else:
                continue
            for target in targets:
                for sub in ast.walk(target):
                    if (isinstance(sub, ast.Attribute) and isinstance(sub.ctx, ast.Store)
                            and sub.attr in FIELDS
                            and not (isinstance(sub.value, ast.Name) and sub.value.id in ("self", "cls"))):
                        yield function.name, node.lineno, ast.unparse(target)


def test_the_scan_sees_the_operations_own_assignments():
    """The check can fail: the operations themselves assign to these fields."""
    found = list(_assignments(PROJECT / "composer" / "operations" / "request.py"))
    assert ("set_title", "new.title") in {(f, t) for f, _, t in found}


def test_no_module_outside_operations_assigns_to_a_request_or_a_campaign():
    offenders = []
    for path in sorted((PROJECT / "composer").rglob("*.py")):
        relative = path.relative_to(PROJECT).as_posix()
        if relative.startswith("composer/operations/"):
            continue
        for function, line, target in _assignments(path):
            if (relative, function) not in NOT_A_CHANGE:
                offenders.append(f"{relative}:{line} {function}: {target} = …")
    assert offenders == []


def test_the_exceptions_still_exist():
    """An exception for a function that has gone or no longer assigns is dropped from the list."""
    stale = [key for key in NOT_A_CHANGE
             if key[1] not in {f for f, _, _ in _assignments(PROJECT / key[0])}]
    assert stale == []


def test_the_field_list_is_the_models():
    assert {"parts", "subparts", "text", "history", "attachments", "format_parts"} <= FIELDS
    assert all(issubclass(cls, BaseModel) for cls in REQUEST_AND_CAMPAIGN)
