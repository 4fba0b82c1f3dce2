-- The type replaced the free-text kind; 0028 copied each machine's kind over to its type.
ALTER TABLE "makrcave"."equipment" DROP COLUMN "kind";