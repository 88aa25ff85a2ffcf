ALTER TABLE "case_attachments" ADD COLUMN "material_kind" text DEFAULT 'other' NOT NULL;--> statement-breakpoint
-- Materials uploaded on the portal before this column: their kind is in their audit record.
UPDATE "case_attachments" AS a SET "material_kind" = l."details"->>'materialKind'
FROM "audit_log" AS l
WHERE l."action" = 'portal.loan_attach' AND l."result" = 'success'
  AND l."details"->>'attachmentId' = a."id"::text
  AND l."details"->>'materialKind' IN ('id_card', 'business_licence', 'premises', 'contract', 'collateral', 'other');
