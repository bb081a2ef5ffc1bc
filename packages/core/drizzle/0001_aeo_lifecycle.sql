CREATE TABLE "aeo_application_actions" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"type" text NOT NULL,
	"side" text NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "aeo_application_actions_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "aeo_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"programme_id" uuid NOT NULL,
	"administration_id" uuid NOT NULL,
	"operator_id" uuid NOT NULL,
	"category" text NOT NULL,
	"saq_definition_id" uuid,
	"saq_variant" text DEFAULT 'standard' NOT NULL,
	"saq_answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"assigned_validator_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"awaiting_information" boolean DEFAULT false NOT NULL,
	"next_deadline" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aeo_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"aeo_id" text NOT NULL,
	"application_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"administration_id" uuid NOT NULL,
	"holder_id" uuid NOT NULL,
	"category" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"reassessment_due" date,
	"credential" text NOT NULL,
	"key_id" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aeo_checklist_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"on_site" boolean DEFAULT false NOT NULL,
	"plan_reason" text,
	"result" text,
	"notes" text,
	"document_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "aeo_corrective_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"criterion_id" uuid,
	"description" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"operator_response" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "aeo_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"safe_heading" smallint NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"on_site_by_default" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aeo_monitoring_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"certificate_id" uuid NOT NULL,
	"administration_id" uuid NOT NULL,
	"holder_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"reported_by" uuid,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"review_status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "aeo_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"administration_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"identifier_prefix" text DEFAULT 'AEO' NOT NULL,
	"next_national_number" integer DEFAULT 1 NOT NULL,
	"categories" jsonb NOT NULL,
	"eligible_roles" text[] NOT NULL,
	"validity" jsonb NOT NULL,
	"clocks" jsonb NOT NULL,
	"benefits" jsonb NOT NULL,
	"saq_definition_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"mime" text NOT NULL,
	"kind" text NOT NULL,
	"original_name" text NOT NULL,
	"page_count" integer,
	"signatures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attached_to_type" text NOT NULL,
	"attached_to_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid,
	"type" text NOT NULL,
	"title" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"link" text,
	"event_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "questionnaire_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"version" text NOT NULL,
	"kind" text NOT NULL,
	"owner_organisation_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"definition" jsonb NOT NULL,
	"fingerprint" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"administration_id" uuid NOT NULL,
	"algorithm" text DEFAULT 'EdDSA' NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"private_key_encrypted" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "aeo_application_actions" ADD CONSTRAINT "aeo_application_actions_application_id_aeo_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."aeo_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aeo_applications" ADD CONSTRAINT "aeo_applications_programme_id_aeo_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."aeo_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aeo_applications" ADD CONSTRAINT "aeo_applications_operator_id_organisations_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aeo_applications" ADD CONSTRAINT "aeo_applications_assigned_validator_id_users_id_fk" FOREIGN KEY ("assigned_validator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aeo_certificates" ADD CONSTRAINT "aeo_certificates_application_id_aeo_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."aeo_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aeo_checklist_items" ADD CONSTRAINT "aeo_checklist_items_application_id_aeo_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."aeo_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aeo_checklist_items" ADD CONSTRAINT "aeo_checklist_items_criterion_id_aeo_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."aeo_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aeo_corrective_actions" ADD CONSTRAINT "aeo_corrective_actions_application_id_aeo_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."aeo_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aeo_corrective_actions" ADD CONSTRAINT "aeo_corrective_actions_criterion_id_aeo_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."aeo_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aeo_criteria" ADD CONSTRAINT "aeo_criteria_programme_id_aeo_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."aeo_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aeo_monitoring_reports" ADD CONSTRAINT "aeo_monitoring_reports_certificate_id_aeo_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."aeo_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aeo_programmes" ADD CONSTRAINT "aeo_programmes_administration_id_organisations_id_fk" FOREIGN KEY ("administration_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aeo_application_actions_app_idx" ON "aeo_application_actions" USING btree ("application_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "aeo_applications_reference_uq" ON "aeo_applications" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "aeo_applications_admin_status_idx" ON "aeo_applications" USING btree ("administration_id","status");--> statement-breakpoint
CREATE INDEX "aeo_applications_operator_idx" ON "aeo_applications" USING btree ("operator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "aeo_certificates_aeo_id_uq" ON "aeo_certificates" USING btree ("aeo_id");--> statement-breakpoint
CREATE INDEX "aeo_certificates_holder_idx" ON "aeo_certificates" USING btree ("holder_id");--> statement-breakpoint
CREATE INDEX "aeo_certificates_admin_status_idx" ON "aeo_certificates" USING btree ("administration_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "aeo_checklist_app_criterion_uq" ON "aeo_checklist_items" USING btree ("application_id","criterion_id");--> statement-breakpoint
CREATE INDEX "aeo_corrective_actions_app_idx" ON "aeo_corrective_actions" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "aeo_criteria_programme_code_uq" ON "aeo_criteria" USING btree ("programme_id","code");--> statement-breakpoint
CREATE INDEX "aeo_monitoring_reports_admin_idx" ON "aeo_monitoring_reports" USING btree ("administration_id","review_status");--> statement-breakpoint
CREATE UNIQUE INDEX "aeo_programmes_administration_uq" ON "aeo_programmes" USING btree ("administration_id");--> statement-breakpoint
CREATE INDEX "documents_sha256_idx" ON "documents" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "documents_subject_idx" ON "documents" USING btree ("attached_to_type","attached_to_id");--> statement-breakpoint
CREATE INDEX "notifications_org_created_idx" ON "notifications" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_definitions_key_version_uq" ON "questionnaire_definitions" USING btree ("key","version");--> statement-breakpoint
CREATE INDEX "questionnaire_definitions_owner_idx" ON "questionnaire_definitions" USING btree ("owner_organisation_id","kind");--> statement-breakpoint
CREATE INDEX "signing_keys_admin_idx" ON "signing_keys" USING btree ("administration_id");