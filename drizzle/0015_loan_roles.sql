-- Loan roles split (issue 10, branch w4-loan-roles): the guarantee agency's reviewers and public
-- finance's staff get their own roles. The roles are inserted here (start-up's seedBuiltinRoles
-- then refreshes their names and permissions from src/domain/access/roles.ts) so that existing
-- grants can move onto them:
--   bank_reviewer granted on a guarantee organisation -> guarantee_reviewer
--   dept_staff granted on a finance organisation       -> finance_staff
-- Grants of dept_staff by region keep dept_staff, which no longer pays 贴息 nor records fund
-- deposits: an administrator grants finance_staff where that is wanted.
INSERT INTO "roles" ("code", "name_zh", "name_en", "permissions", "scope_types", "require_totp", "builtin")
VALUES
  ('guarantee_reviewer', '担保机构审核员', 'Guarantee agency reviewer',
   ARRAY['region.read','org.read','loan.product.read','case.read','case.work','fund.read'], ARRAY['org'], false, true),
  ('finance_staff', '财政部门经办人', 'Finance department staff',
   ARRAY['region.read','org.read','stats.read','loan.product.read','subsidy.read','subsidy.pay','fund.read','fund.manage'], ARRAY['region','org'], false, true)
ON CONFLICT ("code") DO NOTHING;
--> statement-breakpoint
UPDATE "role_assignments" ra SET "role_code" = 'guarantee_reviewer'
FROM "organisations" o
WHERE ra."role_code" = 'bank_reviewer' AND ra."scope_type" = 'org' AND ra."scope_org_id" = o."id" AND o."type" = 'guarantee';
--> statement-breakpoint
UPDATE "role_assignments" ra SET "role_code" = 'finance_staff'
FROM "organisations" o
WHERE ra."role_code" = 'dept_staff' AND ra."scope_type" = 'org' AND ra."scope_org_id" = o."id" AND o."type" = 'finance';
