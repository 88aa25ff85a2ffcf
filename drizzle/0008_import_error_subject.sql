-- The error report names the row's person or entity (姓名 / 主体名称) beside its row number.
ALTER TABLE "job_row_errors" ADD COLUMN "subject" text DEFAULT '' NOT NULL;
