-- Each makerspace charges in its own currency (decision 0018). Existing rows take the currency
-- of their membership plans when they have any (what they already bill in), else their
-- country's (the demo makerspaces' countries and a few common ones), else US dollars, which is
-- what the cave showed every machine rate in until now. Admins can change it while the
-- makerspace has no plans and no invoices.
ALTER TABLE "makrcave"."makerspaces" ADD COLUMN "currency" text;--> statement-breakpoint
UPDATE "makrcave"."makerspaces" AS m
SET "currency" = coalesce(
  (SELECT p."currency" FROM "makrcave"."membership_plans" AS p
    WHERE p."makerspace_id" = m."id" ORDER BY p."created_at" LIMIT 1),
  CASE lower(m."country")
    WHEN 'india' THEN 'INR'
    WHEN 'united kingdom' THEN 'GBP'
    WHEN 'uk' THEN 'GBP'
    WHEN 'united states' THEN 'USD'
    WHEN 'portugal' THEN 'EUR'
    WHEN 'spain' THEN 'EUR'
    WHEN 'france' THEN 'EUR'
    WHEN 'germany' THEN 'EUR'
    WHEN 'italy' THEN 'EUR'
    WHEN 'netherlands' THEN 'EUR'
    WHEN 'ireland' THEN 'EUR'
    WHEN 'canada' THEN 'CAD'
    WHEN 'australia' THEN 'AUD'
    WHEN 'singapore' THEN 'SGD'
    WHEN 'japan' THEN 'JPY'
  END,
  'USD'
);--> statement-breakpoint
ALTER TABLE "makrcave"."makerspaces" ALTER COLUMN "currency" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "makrcave"."makerspaces" ADD CONSTRAINT "makerspaces_currency_shape" CHECK ("makrcave"."makerspaces"."currency" ~ '^[A-Z]{3}$');
