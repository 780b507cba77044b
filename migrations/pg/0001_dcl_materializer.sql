CREATE TABLE "dcl_link_keys" (
	"tenant_id" text NOT NULL,
	"link_key" text NOT NULL,
	"record_key" text NOT NULL,
	CONSTRAINT "dcl_link_keys_tenant_id_link_key_record_key_pk" PRIMARY KEY("tenant_id","link_key","record_key")
);
--> statement-breakpoint
CREATE TABLE "dcl_records" (
	"tenant_id" text NOT NULL,
	"record_key" text NOT NULL,
	"system" text NOT NULL,
	"connection_id" text NOT NULL,
	"object" text NOT NULL,
	"record_id" text NOT NULL,
	"entity" text NOT NULL,
	"op" text NOT NULL,
	"order_key" text NOT NULL,
	"event_id" text NOT NULL,
	"data" jsonb NOT NULL,
	"lineage" jsonb NOT NULL,
	"last_seq" bigint NOT NULL,
	"source_account_id" text,
	"link_keys" jsonb NOT NULL,
	"unified_id" text,
	CONSTRAINT "dcl_records_tenant_id_record_key_pk" PRIMARY KEY("tenant_id","record_key")
);
--> statement-breakpoint
CREATE INDEX "dcl_records_tenant_connection_record_idx" ON "dcl_records" USING btree ("tenant_id","connection_id","record_id");--> statement-breakpoint
CREATE INDEX "dcl_records_tenant_source_account_idx" ON "dcl_records" USING btree ("tenant_id","connection_id","source_account_id");--> statement-breakpoint
CREATE INDEX "dcl_records_tenant_unified_idx" ON "dcl_records" USING btree ("tenant_id","unified_id");