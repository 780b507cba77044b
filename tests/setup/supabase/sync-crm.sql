-- A small CRM of its own (schema `crm`) for the end-to-end sync tests, which change rows while other files read
-- `public`: values a truthiness check would lose (0, '', false, {}), two companies sharing an updated_at, a deal id
-- past 2^53, and policies for a signed-in user's key: only the companies it owns, and no privilege on people.
create schema crm;
grant usage on schema crm to authenticated, service_role;
create table crm.companies (like public.companies including defaults including constraints including comments, owner_id text);
alter table crm.companies add primary key (id);
create table crm.deals (
  id bigint primary key,
  company_id uuid references crm.companies (id),
  name text not null,
  amount numeric(14, 2),
  stage text not null,
  close_date date,
  is_won boolean,
  updated_at timestamptz not null default now()
);
create table crm.people (like public.people including defaults including constraints);
alter table crm.people add primary key (id);
create trigger companies_updated_at before update on crm.companies for each row execute function set_updated_at();
create trigger deals_updated_at before update on crm.deals for each row execute function set_updated_at();
create trigger people_updated_at before update on crm.people for each row execute function set_updated_at();
grant all on crm.companies, crm.deals, crm.people to service_role;
grant select on crm.companies, crm.deals to authenticated;
alter table crm.companies enable row level security;
alter table crm.deals enable row level security;
alter table crm.people enable row level security;
create policy "users read the companies they own" on crm.companies for select to authenticated
  using (owner_id = current_setting('request.jwt.claims', true)::json ->> 'sub');

insert into crm.companies (id, name, domain, industry, employees, annual_revenue, owner_id, created_at, updated_at) values
  ('00000000-0000-4000-8000-000000000001', 'Zero Ltd', '', '', 0, 0, 'user-a', '2024-01-01 00:00:00+00', '2024-05-01 00:00:01.5+00'),
  ('00000000-0000-4000-8000-000000000002', 'Twin A', 'twin-a.example', 'Retail', 5, 1234.56, 'user-a', '2024-01-01 00:00:00+00', '2024-05-01 00:00:02.123456+00'),
  ('00000000-0000-4000-8000-000000000003', 'Twin B', 'twin-b.example', 'Retail', 6, 99.9, 'user-b', '2024-01-01 00:00:00+00', '2024-05-01 00:00:02.123456+00'),
  ('00000000-0000-4000-8000-000000000004', 'Last Inc', 'last.example', 'Energy', 7, null, 'user-b', '2024-01-01 00:00:00+00', '2024-05-01 00:00:03+00');
insert into crm.deals (id, company_id, name, amount, stage, close_date, is_won, updated_at) values
  (9007199254740993, '00000000-0000-4000-8000-000000000001', 'Free pilot', 0, 'closed', '2024-07-01', false, '2024-05-02 00:00:00+00'),
  (2, '00000000-0000-4000-8000-000000000002', 'Renewal', 5000, 'negotiation', null, null, '2024-05-02 00:00:00+00');
insert into crm.people (id, company_id, first_name, last_name, email, tags, metadata, updated_at) values
  ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', '', 'Nought', 'Nought@Zero.example', '{}', '{"score": 0, "vip": false}', '2024-05-03 00:00:00+00');
