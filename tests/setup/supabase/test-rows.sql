-- The Supabase connector tests' rows (schema.sql makes the tables; `npm run demo:sources` brings its own rows).

-- 120 companies whose updated_at comes in runs of 7 equal values, so pages of any size split runs of equal
-- timestamps; ids are random, so only (updated_at, id) orders them.
insert into companies (name, domain, industry, employees, annual_revenue, updated_at)
select 'Company ' || lpad(i::text, 3, '0'), 'company' || i || '.example', (array['Software', 'Retail', 'Energy'])[1 + i % 3],
       10 * i, 1000.5 * i, timestamptz '2024-01-01 00:00:00.123456+00' + (i / 7) * interval '1 minute'
from generate_series(1, 120) as i;

-- 60 deals, all with one updated_at: the cursor must rest on the id alone.
insert into deals (company_id, name, amount, stage, close_date, is_won, updated_at)
select (select id from companies order by name offset (i % 120) limit 1), 'Deal ' || i, 250 * i,
       (array['prospecting', 'negotiation', 'closed'])[1 + i % 3], date '2024-06-01' + i, i % 2 = 0,
       timestamptz '2024-02-01 12:00:00+00'
from generate_series(1, 60) as i;

-- One deal whose id is past 2^53 (JavaScript's exact integers), sharing that updated_at: it sorts last, by id.
insert into deals (id, name, amount, stage, close_date, is_won, updated_at) overriding system value
values (9007199254740993, 'Deal past 2^53', 0, 'closed', date '2024-06-01', false, timestamptz '2024-02-01 12:00:00+00');

insert into people (company_id, first_name, last_name, email, tags, metadata, updated_at)
select (select id from companies order by name offset i limit 1), 'First' || i, 'Last' || i, 'person' || i || '@example.com',
       array['lead'], jsonb_build_object('score', i), timestamptz '2024-03-01 00:00:00+00' + i * interval '1 second'
from generate_series(1, 30) as i;

insert into bulk.activities (kind, updated_at)
select (array['call', 'email', 'meeting'])[1 + i % 3], timestamptz '2024-04-01 00:00:00+00' + (i / 100) * interval '1 second'
from generate_series(1, 50000) as i;
