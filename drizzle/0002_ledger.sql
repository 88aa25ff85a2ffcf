CREATE TABLE "entities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"credit_code" text NOT NULL,
	"credit_code_checksum_valid" boolean DEFAULT true NOT NULL,
	"type" text NOT NULL,
	"is_workshop" boolean DEFAULT false NOT NULL,
	"industry_code" text,
	"region_code" char(12) NOT NULL,
	"park_org_id" uuid,
	"park_unit" text,
	"founded_on" date,
	"registered_capital_wan" numeric(16, 4),
	"employees" integer DEFAULT 0 NOT NULL,
	"jobs_created" integer DEFAULT 0 NOT NULL,
	"jobs_poverty" integer DEFAULT 0 NOT NULL,
	"annual_revenue_wan" numeric(16, 4),
	"above_scale" boolean DEFAULT false NOT NULL,
	"is_ecommerce" boolean DEFAULT false NOT NULL,
	"products" text DEFAULT '' NOT NULL,
	"search_tokens" text[] DEFAULT '{}'::text[] NOT NULL,
	"merged_into" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entity_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_row_errors" (
	"job_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"column" text NOT NULL,
	"code" text NOT NULL,
	"value" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"checkpoint" bigint DEFAULT 0 NOT NULL,
	"done" bigint DEFAULT 0 NOT NULL,
	"total" bigint,
	"result" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "record_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"object_type" text NOT NULL,
	"object_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_login" text,
	"action" text NOT NULL,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"context" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"sex" char(1) NOT NULL,
	"birth_date" date NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_bidx" text NOT NULL,
	"id_number_mask" text NOT NULL,
	"phone_enc" text,
	"phone_bidx" text,
	"phone_mask" text,
	"region_code" char(12) NOT NULL,
	"hukou_region_code" char(12),
	"current_region_code" char(12),
	"categories" text[] NOT NULL,
	"away_province_code" char(2),
	"away_city_code" char(4),
	"months_away" integer,
	"return_date" date,
	"education" text,
	"skills" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"status_dates" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"search_tokens" text[] DEFAULT '{}'::text[] NOT NULL,
	"merged_into" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"granted_to" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "entities" ADD CONSTRAINT "entities_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entities" ADD CONSTRAINT "entities_park_org_id_organisations_id_fk" FOREIGN KEY ("park_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_links" ADD CONSTRAINT "entity_links_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_links" ADD CONSTRAINT "entity_links_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_row_errors" ADD CONSTRAINT "job_row_errors_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_hukou_region_code_regions_code_fk" FOREIGN KEY ("hukou_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_current_region_code_regions_code_fk" FOREIGN KEY ("current_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_consents" ADD CONSTRAINT "person_consents_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "entities_credit_code_live_key" ON "entities" USING btree ("credit_code") WHERE merged_into IS NULL;--> statement-breakpoint
CREATE INDEX "entities_region_idx" ON "entities" USING btree ("region_code" bpchar_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "entities_search_idx" ON "entities" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "entities_park_idx" ON "entities" USING btree ("park_org_id");--> statement-breakpoint
CREATE INDEX "entities_industry_idx" ON "entities" USING btree ("industry_code");--> statement-breakpoint
CREATE UNIQUE INDEX "entity_links_key" ON "entity_links" USING btree ("entity_id","person_id","role");--> statement-breakpoint
CREATE INDEX "entity_links_person_idx" ON "entity_links" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "job_row_errors_job_idx" ON "job_row_errors" USING btree ("job_id","row_number");--> statement-breakpoint
CREATE INDEX "jobs_status_idx" ON "jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "jobs_creator_idx" ON "jobs" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE INDEX "record_history_object_idx" ON "record_history" USING btree ("object_type","object_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_id_number_live_key" ON "people" USING btree ("id_number_bidx") WHERE merged_into IS NULL;--> statement-breakpoint
CREATE INDEX "people_phone_idx" ON "people" USING btree ("phone_bidx");--> statement-breakpoint
CREATE INDEX "people_region_idx" ON "people" USING btree ("region_code" bpchar_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "people_status_idx" ON "people" USING btree ("status");--> statement-breakpoint
CREATE INDEX "people_search_idx" ON "people" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "people_categories_idx" ON "people" USING gin ("categories");--> statement-breakpoint
CREATE INDEX "people_updated_idx" ON "people" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "person_consents_person_idx" ON "person_consents" USING btree ("person_id");