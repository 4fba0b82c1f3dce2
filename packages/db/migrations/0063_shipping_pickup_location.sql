ALTER TABLE "store"."shipping_methods" ADD COLUMN "pickup_name" text;--> statement-breakpoint
ALTER TABLE "store"."shipping_methods" ADD COLUMN "pickup_address" text;--> statement-breakpoint
ALTER TABLE "store"."shipping_methods" ADD CONSTRAINT "shipping_methods_pickup_named_with_address" CHECK (("store"."shipping_methods"."pickup_name" is null) = ("store"."shipping_methods"."pickup_address" is null));--> statement-breakpoint
-- Orders picked up wait at the demo makerspace's front desk.
UPDATE "store"."shipping_methods" SET "pickup_name" = 'MakrX Hub Bengaluru', "pickup_address" = '80 Feet Road, Koramangala 4th Block, Bengaluru 560034' WHERE "code" = 'pickup';
