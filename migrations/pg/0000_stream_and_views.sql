CREATE TABLE "canonical_events" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "canonical_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"connection_id" text NOT NULL,
	"run_id" text,
	"system" text NOT NULL,
	"object" text NOT NULL,
	"record_id" text NOT NULL,
	"entity" text NOT NULL,
	"op" text NOT NULL,
	"mapping_version" text NOT NULL,
	"trace_id" text NOT NULL,
	"emitted_at" text NOT NULL,
	"event" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "materialized_accounts" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"source_id" text NOT NULL,
	"extras" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"lineage" jsonb NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"last_seq" bigint NOT NULL,
	"name" text NOT NULL,
	"industry" text,
	"annual_revenue" double precision,
	"currency" text,
	"employee_count" integer,
	"website" text,
	"phone" text,
	"billing_city" text,
	"billing_country" text,
	"owner" text,
	"description" text,
	"created_at" text,
	"updated_at" text,
	"link" jsonb,
	CONSTRAINT "materialized_accounts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "materialized_contacts" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"source_id" text NOT NULL,
	"extras" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"lineage" jsonb NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"last_seq" bigint NOT NULL,
	"account_id" text,
	"source_account_id" text,
	"first_name" text,
	"last_name" text,
	"email" text,
	"phone" text,
	"mobile_phone" text,
	"title" text,
	"department" text,
	"mailing_city" text,
	"mailing_country" text,
	"owner" text,
	"created_at" text,
	"updated_at" text,
	CONSTRAINT "materialized_contacts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "materialized_opportunities" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"source_id" text NOT NULL,
	"extras" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"lineage" jsonb NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"last_seq" bigint NOT NULL,
	"account_id" text,
	"source_account_id" text,
	"name" text NOT NULL,
	"stage" text,
	"amount" double precision,
	"currency" text,
	"close_date" text,
	"probability" double precision,
	"status" text,
	"type" text,
	"lead_source" text,
	"owner" text,
	"description" text,
	"created_at" text,
	"updated_at" text,
	CONSTRAINT "materialized_opportunities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "normalized_batches" (
	"tenant_id" text NOT NULL,
	"run_id" text NOT NULL,
	"batch_id" text NOT NULL,
	"seqs" bigint[] NOT NULL,
	"valid" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "normalized_batches_tenant_id_run_id_batch_id_pk" PRIMARY KEY("tenant_id","run_id","batch_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "canonical_events_tenant_event_id_unique" ON "canonical_events" USING btree ("tenant_id","event_id");--> statement-breakpoint
CREATE INDEX "canonical_events_tenant_seq_idx" ON "canonical_events" USING btree ("tenant_id","seq");--> statement-breakpoint
CREATE INDEX "canonical_events_tenant_entity_seq_idx" ON "canonical_events" USING btree ("tenant_id","entity","seq");--> statement-breakpoint
CREATE INDEX "materialized_accounts_tenant_name_idx" ON "materialized_accounts" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "materialized_contacts_tenant_account_idx" ON "materialized_contacts" USING btree ("tenant_id","account_id");--> statement-breakpoint
CREATE INDEX "materialized_opportunities_tenant_account_idx" ON "materialized_opportunities" USING btree ("tenant_id","account_id");