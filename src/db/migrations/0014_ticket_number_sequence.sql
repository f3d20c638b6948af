CREATE SEQUENCE "public"."ticket_number_sequence" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "ticket_number_days" (
	"day" date PRIMARY KEY NOT NULL,
	"base" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE ticket_number_days ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Carry the per-day counters over: with the sequence starting at 1, a base of -last makes the
-- next number of that day last + 1.
INSERT INTO ticket_number_days (day, base) SELECT day, -last_value FROM ticket_number_counters;
--> statement-breakpoint
-- The old counter row was locked by every create until its commit, so concurrent creates queued
-- on it. nextval() never waits; only the first ticket of a day inserts the day's base.
CREATE OR REPLACE FUNCTION tandem_next_ticket_number() RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  today date := (now() AT TIME ZONE 'UTC')::date;
  drawn bigint;
  day_base bigint;
  number bigint;
BEGIN
  LOOP
    drawn := nextval('ticket_number_sequence');
    SELECT base INTO day_base FROM ticket_number_days WHERE day = today;
    IF NOT FOUND THEN
      INSERT INTO ticket_number_days (day, base) VALUES (today, drawn - 1) ON CONFLICT (day) DO NOTHING;
      SELECT base INTO day_base FROM ticket_number_days WHERE day = today;
    END IF;
    number := drawn - day_base;
    -- A value drawn before another transaction opened the day lies at or below its base: draw again.
    EXIT WHEN number >= 1;
  END LOOP;
  RETURN 'T' || to_char(today, 'YYYYMMDD') || '.' || CASE WHEN number < 10000 THEN lpad(number::text, 4, '0') ELSE number::text END;
END $$;
--> statement-breakpoint
-- For imports and seeds that bring their own numbers: the next number of that day is above p_last.
CREATE FUNCTION tandem_continue_ticket_numbers(p_day date, p_last bigint) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO ticket_number_days (day, base) VALUES (p_day, nextval('ticket_number_sequence') - p_last)
  ON CONFLICT (day) DO UPDATE SET base = least(ticket_number_days.base, excluded.base);
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tandem_continue_ticket_numbers(date, bigint) FROM PUBLIC;
