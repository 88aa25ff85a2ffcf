CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
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
ALTER TABLE "loan_product_values" ADD CONSTRAINT "loan_product_values_product_loan_products_code_fk" FOREIGN KEY ("product") REFERENCES "public"."loan_products"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_days_kind_idx" ON "calendar_days" USING btree ("kind","day");--> statement-breakpoint
CREATE UNIQUE INDEX "loan_product_values_key_uq" ON "loan_product_values" USING btree ("product","key","region_code","valid_from");--> statement-breakpoint
CREATE INDEX "loan_product_values_region_idx" ON "loan_product_values" USING btree ("region_code" bpchar_pattern_ops);