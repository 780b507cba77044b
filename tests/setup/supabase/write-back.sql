-- A deals table of its own (schema `writeback`) for the write-back tests (tests/aoa/actions/write-back), which write
-- to rows while other files read `public` and `crm`: each test file inserts its own rows (ids it picks) and looks
-- only at them.
create schema writeback;
grant usage on schema writeback to service_role;
create table writeback.deals (like public.deals including defaults including constraints);
alter table writeback.deals add primary key (id);
create trigger deals_updated_at before update on writeback.deals for each row execute function set_updated_at();
grant all on writeback.deals to service_role;
alter table writeback.deals enable row level security;
