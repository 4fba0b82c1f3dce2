-- Opening hours become data (weekly_hours, time_zone) instead of free text. The demo makerspaces'
-- sentences are converted here, each to the hours it said, in its city's time zone; any other
-- row (none is created without settings any more) opens 09:00–21:00 every day in UTC until an
-- admin sets its hours. The text column itself is dropped by the next migration.
UPDATE "makrcave"."makerspaces" AS m
SET "weekly_hours" = c.hours::jsonb, "time_zone" = c.zone
FROM (VALUES
  ('Mon–Sat 08:00–22:00, Sun 10:00–18:00', 'Asia/Kolkata',
   '{"mon":[{"opens":"08:00","closes":"22:00"}],"tue":[{"opens":"08:00","closes":"22:00"}],"wed":[{"opens":"08:00","closes":"22:00"}],"thu":[{"opens":"08:00","closes":"22:00"}],"fri":[{"opens":"08:00","closes":"22:00"}],"sat":[{"opens":"08:00","closes":"22:00"}],"sun":[{"opens":"10:00","closes":"18:00"}]}'),
  ('Tue–Sun 10:00–21:00', 'Asia/Kolkata',
   '{"mon":[],"tue":[{"opens":"10:00","closes":"21:00"}],"wed":[{"opens":"10:00","closes":"21:00"}],"thu":[{"opens":"10:00","closes":"21:00"}],"fri":[{"opens":"10:00","closes":"21:00"}],"sat":[{"opens":"10:00","closes":"21:00"}],"sun":[{"opens":"10:00","closes":"21:00"}]}'),
  ('Wed–Sat 11:00–20:00', 'Europe/London',
   '{"mon":[],"tue":[],"wed":[{"opens":"11:00","closes":"20:00"}],"thu":[{"opens":"11:00","closes":"20:00"}],"fri":[{"opens":"11:00","closes":"20:00"}],"sat":[{"opens":"11:00","closes":"20:00"}],"sun":[]}'),
  ('Mon–Fri 09:00–20:00', 'Europe/Lisbon',
   '{"mon":[{"opens":"09:00","closes":"20:00"}],"tue":[{"opens":"09:00","closes":"20:00"}],"wed":[{"opens":"09:00","closes":"20:00"}],"thu":[{"opens":"09:00","closes":"20:00"}],"fri":[{"opens":"09:00","closes":"20:00"}],"sat":[],"sun":[]}'),
  ('Daily 12:00–23:00', 'America/Chicago',
   '{"mon":[{"opens":"12:00","closes":"23:00"}],"tue":[{"opens":"12:00","closes":"23:00"}],"wed":[{"opens":"12:00","closes":"23:00"}],"thu":[{"opens":"12:00","closes":"23:00"}],"fri":[{"opens":"12:00","closes":"23:00"}],"sat":[{"opens":"12:00","closes":"23:00"}],"sun":[{"opens":"12:00","closes":"23:00"}]}')
) AS c(text, zone, hours)
WHERE m."opening_hours" = c.text;
--> statement-breakpoint
UPDATE "makrcave"."makerspaces"
SET "weekly_hours" = '{"mon":[{"opens":"09:00","closes":"21:00"}],"tue":[{"opens":"09:00","closes":"21:00"}],"wed":[{"opens":"09:00","closes":"21:00"}],"thu":[{"opens":"09:00","closes":"21:00"}],"fri":[{"opens":"09:00","closes":"21:00"}],"sat":[{"opens":"09:00","closes":"21:00"}],"sun":[{"opens":"09:00","closes":"21:00"}]}'::jsonb
WHERE "weekly_hours" = '{"mon":[],"tue":[],"wed":[],"thu":[],"fri":[],"sat":[],"sun":[]}'::jsonb;
