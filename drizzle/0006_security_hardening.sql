CREATE TABLE "grant_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role_code" text NOT NULL,
	"scope_type" text NOT NULL,
	"scope_region" char(12),
	"scope_org_id" uuid,
	"region_code" char(12) NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"assignment_id" uuid,
	CONSTRAINT "grant_requests_status_check" CHECK ("grant_requests"."status" IN ('pending', 'approved', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "portal_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"object_type" text NOT NULL,
	"kind" text NOT NULL,
	"object_id" uuid NOT NULL,
	"region_code" char(12) NOT NULL,
	"proposed" jsonb NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_by_login" text
);
--> statement-breakpoint
ALTER TABLE "audit_head" ADD COLUMN "keyed_from" bigint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "entities" ADD COLUMN "pilot_code" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "entities" ADD COLUMN "pilot_code_reason" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_last_step" integer;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "mobile_enc" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "mobile_mask" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "grant_requests" ADD CONSTRAINT "grant_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_requests" ADD CONSTRAINT "grant_requests_role_code_roles_code_fk" FOREIGN KEY ("role_code") REFERENCES "public"."roles"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_requests" ADD CONSTRAINT "grant_requests_scope_region_regions_code_fk" FOREIGN KEY ("scope_region") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_requests" ADD CONSTRAINT "grant_requests_scope_org_id_organisations_id_fk" FOREIGN KEY ("scope_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_requests" ADD CONSTRAINT "grant_requests_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_requests" ADD CONSTRAINT "portal_requests_account_id_portal_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."portal_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_requests_region_idx" ON "grant_requests" USING btree ("region_code" bpchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "grant_requests_user_idx" ON "grant_requests" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "portal_requests_account_idx" ON "portal_requests" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "portal_requests_queue_idx" ON "portal_requests" USING btree ("region_code" bpchar_pattern_ops,"created_at") WHERE state = 'pending';