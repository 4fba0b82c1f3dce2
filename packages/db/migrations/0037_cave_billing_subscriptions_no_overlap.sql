-- One subscription at a time per member and makerspace: the day ranges of one member's
-- subscriptions never overlap (an open end runs forever). btree_gist (migration 0031) gives
-- the uuid equality beside the range overlap.
ALTER TABLE "makrcave"."membership_subscriptions"
  ADD CONSTRAINT "membership_subscriptions_no_overlap"
  EXCLUDE USING gist (
    "makerspace_id" WITH =,
    "user_id" WITH =,
    daterange("starts_on", "ends_on", '[)') WITH &&
  );
