CREATE SCHEMA "stats";
--> statement-breakpoint
CREATE TABLE "stats"."counters" (
	"source" text NOT NULL,
	"region_code" char(12) NOT NULL,
	"month" char(7) NOT NULL,
	"value" bigint[] NOT NULL,
	CONSTRAINT "counters_pkey" PRIMARY KEY("source","region_code","month")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"region_code" char(12) NOT NULL,
	"year" smallint NOT NULL,
	"indicator" text NOT NULL,
	"value" numeric(16, 2) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "targets_pkey" PRIMARY KEY("region_code","year","indicator")
);
--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;