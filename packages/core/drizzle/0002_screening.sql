CREATE TABLE "screening_rule_set_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"administration_id" uuid NOT NULL,
	"rule_set_id" text NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" text,
	"retired_at" timestamp with time zone,
	"retired_by" text
);
--> statement-breakpoint
CREATE TABLE "screening_policies" (
	"administration_id" uuid PRIMARY KEY NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"settings" jsonb NOT NULL,
	"random_seed" text NOT NULL,
	"watch_lists_revision" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_watch_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"administration_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"entries" jsonb NOT NULL,
	"includes" text[] DEFAULT '{}'::text[] NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_backtests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"administration_id" uuid NOT NULL,
	"rule_set_version_id" uuid NOT NULL,
	"policy" jsonb,
	"from" timestamp with time zone NOT NULL,
	"to" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"consignment_count" integer DEFAULT 0 NOT NULL,
	"summary" jsonb,
	"error" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "screening_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"administration_id" uuid NOT NULL,
	"filer_organisation_id" uuid NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	"format" text NOT NULL,
	"item_count" integer NOT NULL,
	"accepted_count" integer NOT NULL,
	"rejected" jsonb NOT NULL,
	"first_index" integer DEFAULT 0 NOT NULL,
	"idempotency_key" text,
	"actor_label" text NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "screening_office_usage" (
	"administration_id" uuid NOT NULL,
	"office" text NOT NULL,
	"day" date NOT NULL,
	"reds" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "screening_office_usage_administration_id_office_day_pk" PRIMARY KEY("administration_id","office","day")
);
--> statement-breakpoint
CREATE TABLE "screening_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"result_id" uuid NOT NULL,
	"administration_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"notes" text,
	"officer_user_id" uuid,
	"officer_label" text NOT NULL,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_parties" (
	"administration_id" uuid NOT NULL,
	"party_key" text NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screening_parties_administration_id_party_key_pk" PRIMARY KEY("administration_id","party_key")
);
--> statement-breakpoint
CREATE TABLE "screening_results" (
	"id" uuid PRIMARY KEY NOT NULL,
	"administration_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"batch_index" integer NOT NULL,
	"filer_organisation_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"transport_document" text NOT NULL,
	"mode" text NOT NULL,
	"dataset" text NOT NULL,
	"office" text,
	"received_at" timestamp (3) with time zone NOT NULL,
	"consignment" jsonb NOT NULL,
	"lane" text NOT NULL,
	"score" double precision NOT NULL,
	"referrals" text[] NOT NULL,
	"fired_rule_ids" text[] NOT NULL,
	"explanation" jsonb NOT NULL,
	"rule_set_version_id" uuid NOT NULL,
	"rule_set_id" text NOT NULL,
	"rule_set_version" integer NOT NULL,
	"policy_revision" integer NOT NULL,
	"watch_lists_revision" integer NOT NULL,
	"aeo_facts" jsonb NOT NULL,
	"is_aeo" boolean NOT NULL,
	"random_draw" double precision NOT NULL,
	"randomly_selected" boolean NOT NULL,
	"capacity_downgraded" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "expires_at" timestamp with time zone DEFAULT now() + interval '24 hours' NOT NULL;--> statement-breakpoint
ALTER TABLE "screening_rule_set_versions" ADD CONSTRAINT "screening_rule_set_versions_administration_id_organisations_id_fk" FOREIGN KEY ("administration_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_policies" ADD CONSTRAINT "screening_policies_administration_id_organisations_id_fk" FOREIGN KEY ("administration_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_watch_lists" ADD CONSTRAINT "screening_watch_lists_administration_id_organisations_id_fk" FOREIGN KEY ("administration_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_outcomes" ADD CONSTRAINT "screening_outcomes_result_id_screening_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."screening_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "screening_rule_set_versions_number_uq" ON "screening_rule_set_versions" USING btree ("administration_id","rule_set_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "screening_rule_set_versions_published_uq" ON "screening_rule_set_versions" USING btree ("administration_id") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "screening_rule_set_versions_admin_idx" ON "screening_rule_set_versions" USING btree ("administration_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "screening_watch_lists_name_uq" ON "screening_watch_lists" USING btree ("administration_id","name");--> statement-breakpoint
CREATE INDEX "screening_backtests_admin_idx" ON "screening_backtests" USING btree ("administration_id","created_at");--> statement-breakpoint
CREATE INDEX "screening_batches_filer_idx" ON "screening_batches" USING btree ("filer_organisation_id","received_at");--> statement-breakpoint
CREATE INDEX "screening_batches_admin_idx" ON "screening_batches" USING btree ("administration_id","received_at");--> statement-breakpoint
CREATE INDEX "screening_outcomes_result_idx" ON "screening_outcomes" USING btree ("result_id","recorded_at");--> statement-breakpoint
CREATE INDEX "screening_outcomes_admin_idx" ON "screening_outcomes" USING btree ("administration_id","recorded_at");--> statement-breakpoint
CREATE INDEX "screening_results_admin_received_idx" ON "screening_results" USING btree ("administration_id","received_at","id");--> statement-breakpoint
CREATE INDEX "screening_results_admin_lane_idx" ON "screening_results" USING btree ("administration_id","lane","received_at");--> statement-breakpoint
CREATE INDEX "screening_results_admin_reference_idx" ON "screening_results" USING btree ("administration_id","reference");--> statement-breakpoint
CREATE INDEX "screening_results_fired_idx" ON "screening_results" USING gin ("fired_rule_ids");--> statement-breakpoint
CREATE UNIQUE INDEX "screening_results_batch_uq" ON "screening_results" USING btree ("batch_id","batch_index");--> statement-breakpoint
CREATE INDEX "idempotency_keys_expires_idx" ON "idempotency_keys" USING btree ("expires_at");