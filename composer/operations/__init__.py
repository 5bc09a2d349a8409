"""Every change to a request or a campaign, in one place, for the command line and the app alike.

An operation takes the current value and keyword-only arguments, checks everything first, and
returns a `Done`: the new value and what changed. The value passed in is never modified, and a
refused operation raises `Refused` (a `ComposerError` with one line saying why) before anything
is changed, so nothing is ever half-applied. The app's undo stacks keep the before and after of
each step; the command line reads, applies one operation and writes (`CampaignStore.update`).

- `request`: the editor's edits, the checker's fixes, the cost-limit order, the bank's fields;
- `campaign`: new, add forces, record what happened, take it back, attach a reply;
- `followups`: write follow-up letters for forces in a campaign.

No Qt here (import-linter checks it), and no other module assigns to a request's or a campaign's
fields (a test reads the source to check).
"""

from composer.operations.result import Done, Refused

__all__ = ["Done", "Refused"]
