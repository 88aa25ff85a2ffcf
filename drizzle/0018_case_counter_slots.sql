ALTER TABLE "stats"."case_counters" ADD COLUMN "slot" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stats"."case_counters" DROP CONSTRAINT "case_counters_pkey";
--> statement-breakpoint
ALTER TABLE "stats"."case_counters" ADD CONSTRAINT "case_counters_pkey" PRIMARY KEY("region_code","case_type","org_id","metric","month","slot");