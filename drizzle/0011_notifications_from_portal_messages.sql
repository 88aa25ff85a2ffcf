-- Custom: carry the portal's earlier messages (portal_notifications) over to the generic
-- notifications table as text as written (keys legacy.title / legacy.body). The SMS-code rows
-- (kind 'sms') are left out: a registration code is not a message (issue 11, item 16).
INSERT INTO "notifications" ("account_id", "kind", "title_key", "body_key", "params", "created_at", "read_at")
SELECT "account_id", 'legacy.' || "kind", 'legacy.title', 'legacy.body',
       jsonb_build_object('title', "title", 'body', "body"), "created_at", "read_at"
FROM "portal_notifications"
WHERE "kind" <> 'sms';
