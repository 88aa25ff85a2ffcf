-- People and entities are now also found by the pinyin of their names (full and initials).
-- The tokens are computed in TypeScript (pinyin-pro), not in SQL, so this migration only marks
-- both tables for re-indexing; the server (and `fanxiang migrate`) then rewrites their
-- search_tokens in batches of 1,000 rows in id order, committing a cursor with each batch, so a
-- restart resumes where it stopped and no more than one batch is held in memory.
-- Self-contained: creates its own bookkeeping table; nothing else depends on it.
CREATE TABLE IF NOT EXISTS "search_reindex" (
  "table_name" text PRIMARY KEY,
  "after_id" uuid
);
--> statement-breakpoint
INSERT INTO "search_reindex" ("table_name", "after_id")
VALUES ('people', NULL), ('entities', NULL)
ON CONFLICT ("table_name") DO UPDATE SET "after_id" = NULL;
