"""The campaign tracker: one request sent to many forces, and what each force has done with it.

- `model`: the campaign file's contents (`Campaign`, `Tracked`, `Event`, `Status`);
- `deadlines`: where each force stands on a given day (`progress`, `overview`);
- `store`: the campaign files and their attachments (`CampaignStore`);
- `report`: the CSV report.

Changes to a campaign are made only by `composer.operations.campaign`.
"""
