-- A Supabase-style database (for the Supabase connector's tests and `npm run demo:sources`): Supabase's API roles,
-- an `authenticator` that PostgREST logs in as, CRM tables with `id` and a trigger-kept `updated_at`, and row-level security that lets the
-- service role through and shows anonymous callers nothing. Roles are cluster-wide: the cluster is this run's own.
create role anon nologin noinherit;
create role authenticated nologin noinherit;
create role service_role nologin noinherit bypassrls;
create role authenticator login noinherit;
grant anon, authenticated, service_role to authenticator;

create function set_updated_at() returns trigger language plpgsql as $$
begin
  new.updated_at = now();
  return new;
end $$;

create table companies (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  domain text,
  industry text,
  employees integer,
  annual_revenue numeric(14, 2),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table companies is 'Customer companies';
comment on column companies.name is 'Legal name';

create table deals (
  id bigint generated always as identity primary key,
  company_id uuid references companies (id),
  name text not null,
  amount numeric(14, 2),
  stage text not null,
  close_date date,
  is_won boolean,
  updated_at timestamptz not null default now(),
  -- written back by the RevOps agent (mappings/supabase/deals.yaml write_back)
  aos_deal_score numeric(5, 2),
  aos_win_probability numeric(5, 4),
  aos_forecast_amount numeric(14, 2)
);

create table people (
  id uuid primary key default gen_random_uuid(),
  company_id uuid references companies (id),
  first_name text,
  last_name text not null,
  email text unique,
  tags text[],
  metadata jsonb,
  updated_at timestamptz not null default now()
);

-- Text ids with the characters PostgREST's filter syntax reserves (commas, parentheses, quotes): rows are added
-- and deleted by id reconciliation's tests themselves.
create table labels (
  id text primary key,
  name text not null,
  updated_at timestamptz not null default now()
);

create trigger people_updated_at before update on people for each row execute function set_updated_at();
create trigger deals_updated_at before update on deals for each row execute function set_updated_at();

-- Supabase grants the API roles the tables and lets row-level security decide which rows each one sees.
grant usage on schema public to anon, authenticated, service_role;
grant all on all tables in schema public to anon, authenticated, service_role;
alter table companies enable row level security;
alter table deals enable row level security;
alter table people enable row level security;
alter table labels enable row level security;
create policy "signed-in users read companies" on companies for select to authenticated using (true);

-- A second exposed schema for one big table (test-rows.sql fills it), read through Accept-Profile.
create schema bulk;
grant usage on schema bulk to service_role;
create table bulk.activities (
  id bigint generated always as identity primary key,
  kind text not null,
  updated_at timestamptz not null
);
grant all on bulk.activities to service_role;
alter table bulk.activities enable row level security;
