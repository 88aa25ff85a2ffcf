CREATE TABLE "stats"."case_counters" (
	"case_type" text NOT NULL,
	"region_code" char(12) NOT NULL,
	"org_id" text NOT NULL,
	"month" char(7) NOT NULL,
	"metric" text NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "case_counters_pkey" PRIMARY KEY("region_code","case_type","org_id","metric","month")
);
