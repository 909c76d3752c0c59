-- Total trade by partner and year, from the `records` table.
SELECT counterpart, period, currency, sum(amount) AS total, count(*) AS figures
FROM records
WHERE type = 'money'
  AND metric = 'trade_turnover'   -- two-way trade (not exports, imports, FDI, aid)
  AND amount IS NOT NULL          -- one number: not a range, not a vague amount
  AND equivalent_of IS NULL       -- not the same figure restated in a second currency
  AND counterpart IS NOT NULL     -- about one partner, not the country's total
  AND period_kind = 'flow'        -- the year's figure, not a total to date
GROUP BY counterpart, period, currency
ORDER BY period, total DESC;
