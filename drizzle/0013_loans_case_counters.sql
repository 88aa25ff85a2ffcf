CREATE TABLE "guarantee_fund_deposits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"source" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"date" date NOT NULL,
	"document" text NOT NULL,
	"preconditions" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loan_applications" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"members" integer,
	"person_id" uuid,
	"entity_id" uuid,
	"amount_fen" bigint NOT NULL,
	"term_months" integer NOT NULL,
	"purpose" text NOT NULL,
	"collateral" text NOT NULL,
	"declarations" jsonb NOT NULL,
	"eligibility" jsonb NOT NULL,
	"green_channel" boolean NOT NULL,
	"bank_org_id" uuid NOT NULL,
	"product_date" date NOT NULL,
	"created_by" uuid,
	"created_by_account" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loan_credit_parks" (
	"park_org_id" uuid PRIMARY KEY NOT NULL,
	"listed_on" date NOT NULL,
	"document" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loan_repayments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"due_date" date,
	"principal_fen" bigint NOT NULL,
	"interest_fen" bigint NOT NULL,
	"comment" text,
	"recorded_by" uuid NOT NULL,
	"recorded_by_login" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loan_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"reason" text NOT NULL,
	"principal_fen" bigint NOT NULL,
	"annual_rate_bp" integer NOT NULL,
	"subsidy_bp" integer NOT NULL,
	"start_date" date NOT NULL,
	"maturity_on" date NOT NULL,
	"installments" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_claim_lines" (
	"claim_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"due_fen" bigint NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_claim_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"document" text NOT NULL,
	"by_login" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quarter" text NOT NULL,
	"region_code" text NOT NULL,
	"bank_org_id" uuid NOT NULL,
	"due_fen" bigint NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats"."case_counters" (
	"case_type" text NOT NULL,
	"region_code" char(12) NOT NULL,
	"org_id" text NOT NULL,
	"month" char(7) NOT NULL,
	"metric" text NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "case_counters_pkey" PRIMARY KEY("region_code","case_type","org_id","metric","month")
);
--> statement-breakpoint
ALTER TABLE "loan_applications" ADD CONSTRAINT "loan_applications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_applications" ADD CONSTRAINT "loan_applications_bank_org_id_organisations_id_fk" FOREIGN KEY ("bank_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_credit_parks" ADD CONSTRAINT "loan_credit_parks_park_org_id_organisations_id_fk" FOREIGN KEY ("park_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_repayments" ADD CONSTRAINT "loan_repayments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_schedules" ADD CONSTRAINT "loan_schedules_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_claim_lines" ADD CONSTRAINT "subsidy_claim_lines_claim_id_subsidy_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."subsidy_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_claim_lines" ADD CONSTRAINT "subsidy_claim_lines_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_claim_payments" ADD CONSTRAINT "subsidy_claim_payments_claim_id_subsidy_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."subsidy_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_claims" ADD CONSTRAINT "subsidy_claims_bank_org_id_organisations_id_fk" FOREIGN KEY ("bank_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guarantee_fund_deposits_region_idx" ON "guarantee_fund_deposits" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "loan_repayments_case_idx" ON "loan_repayments" USING btree ("case_id","paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "loan_schedules_case_rev_key" ON "loan_schedules" USING btree ("case_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_claim_lines_key" ON "subsidy_claim_lines" USING btree ("claim_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_claims_key" ON "subsidy_claims" USING btree ("quarter","region_code","bank_org_id");