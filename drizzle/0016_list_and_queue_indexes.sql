DROP INDEX "people_updated_idx";--> statement-breakpoint
CREATE INDEX "entities_live_updated_idx" ON "entities" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE merged_into IS NULL;--> statement-breakpoint
CREATE INDEX "entities_live_name_idx" ON "entities" USING btree ("name" COLLATE "C","id") WHERE merged_into IS NULL;--> statement-breakpoint
CREATE INDEX "entities_live_region_updated_idx" ON "entities" USING btree ("region_code" bpchar_pattern_ops,"updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE merged_into IS NULL;--> statement-breakpoint
CREATE INDEX "people_live_updated_idx" ON "people" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE merged_into IS NULL;--> statement-breakpoint
CREATE INDEX "people_live_name_idx" ON "people" USING btree ("name" COLLATE "C","id") WHERE merged_into IS NULL;--> statement-breakpoint
CREATE INDEX "people_live_region_updated_idx" ON "people" USING btree ("region_code" bpchar_pattern_ops,"updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE merged_into IS NULL;--> statement-breakpoint
CREATE INDEX "cases_region_queue_order_idx" ON "cases" USING btree ("state_entered_at","id") WHERE "cases"."owner_region" AND NOT "cases"."terminal";