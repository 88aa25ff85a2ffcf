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
ALTER TABLE "portal_requests" ADD CONSTRAINT "portal_requests_account_id_portal_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."portal_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portal_requests_account_idx" ON "portal_requests" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "portal_requests_queue_idx" ON "portal_requests" USING btree ("region_code" bpchar_pattern_ops,"created_at") WHERE state = 'pending';