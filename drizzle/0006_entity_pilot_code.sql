ALTER TABLE "entities" ADD COLUMN "pilot_code" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "entities" ADD COLUMN "pilot_code_reason" text;