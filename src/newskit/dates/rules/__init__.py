"""Date rules by kind: calendar dates and named days, periods, sets. Each registers itself with `rule`."""
