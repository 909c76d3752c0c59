-- People by office, from the `records` table: how many distinct people held each
-- office in the texts, and how often they are mentioned.
SELECT office, count(DISTINCT person_id) AS people, count(*) AS mentions,
       string_agg(DISTINCT name, '; ' ORDER BY name) AS names
FROM records, unnest(offices) AS t(office)
WHERE type = 'person'
GROUP BY office
ORDER BY people DESC, office;
