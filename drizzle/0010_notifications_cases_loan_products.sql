CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "case_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" char(64) NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"transition" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_user_id" uuid,
	"actor_login" text NOT NULL,
	"actor_org_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"comment" text,
	"reason" text,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"working_days_in_state" integer
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"region_code" char(12) NOT NULL,
	"subject_person_id" uuid,
	"subject_entity_id" uuid,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"routing" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"owner_org_id" uuid,
	"owner_region" boolean DEFAULT false NOT NULL,
	"terminal" boolean DEFAULT false NOT NULL,
	"state_entered_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"deadline_status" text DEFAULT 'none' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loan_product_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product" text NOT NULL,
	"key" text NOT NULL,
	"region_code" char(12) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"value" jsonb NOT NULL,
	"source" text NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "loan_products" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"account_id" uuid,
	"kind" text NOT NULL,
	"title_key" text NOT NULL,
	"body_key" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text,
	"subject_type" text,
	"subject_id" text,
	"sms_state" text,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_one_recipient" CHECK ((user_id IS NULL) <> (account_id IS NULL))
);
--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transitions" ADD CONSTRAINT "case_transitions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_owner_org_id_organisations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_product_values" ADD CONSTRAINT "loan_product_values_product_loan_products_code_fk" FOREIGN KEY ("product") REFERENCES "public"."loan_products"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_account_id_portal_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."portal_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_days_kind_idx" ON "calendar_days" USING btree ("kind","day");--> statement-breakpoint
CREATE INDEX "case_attachments_case_idx" ON "case_attachments" USING btree ("case_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "case_transitions_case_idx" ON "case_transitions" USING btree ("case_id","version");--> statement-breakpoint
CREATE INDEX "case_transitions_actor_idx" ON "case_transitions" USING btree ("actor_user_id","at");--> statement-breakpoint
CREATE INDEX "case_transitions_org_idx" ON "case_transitions" USING btree ("actor_org_id","at");--> statement-breakpoint
CREATE INDEX "cases_owner_org_queue_idx" ON "cases" USING btree ("owner_org_id","state_entered_at","id") WHERE NOT "cases"."terminal";--> statement-breakpoint
CREATE INDEX "cases_owner_region_queue_idx" ON "cases" USING btree ("region_code" bpchar_pattern_ops,"state_entered_at","id") WHERE "cases"."owner_region" AND NOT "cases"."terminal";--> statement-breakpoint
CREATE INDEX "cases_due_idx" ON "cases" USING btree ("due_at") WHERE NOT "cases"."terminal" AND "cases"."due_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_region_idx" ON "cases" USING btree ("region_code" bpchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "cases_person_idx" ON "cases" USING btree ("subject_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "loan_product_values_key_uq" ON "loan_product_values" USING btree ("product","key","region_code","valid_from");--> statement-breakpoint
CREATE INDEX "loan_product_values_region_idx" ON "loan_product_values" USING btree ("region_code" bpchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at") WHERE user_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "notifications_account_idx" ON "notifications" USING btree ("account_id","created_at") WHERE account_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "notifications_sms_pending_idx" ON "notifications" USING btree ("created_at") WHERE sms_state = 'pending';