-- The whole forecast (ParForecast, serialized), beside its total: a report
-- generated soon after reuses the stored forecast instead of pulling every
-- service again. NULL for forecasts stored before this migration; such a
-- row is recomputed when a report needs it.
ALTER TABLE par_forecasts ADD COLUMN forecast MEDIUMBLOB NULL;
