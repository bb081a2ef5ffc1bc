CREATE TABLE "safe_campaign_invitations" (
	"campaign_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminded_days" integer[] DEFAULT '{}'::integer[] NOT NULL,
	CONSTRAINT "safe_campaign_invitations_campaign_id_organisation_id_pk" PRIMARY KEY("campaign_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "safe_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"secretariat_id" uuid NOT NULL,
	"name" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"definition_id" uuid NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "safe_plan_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"campaign_id" uuid,
	"gap_dimension" text,
	"gap_id" text,
	"question_id" text,
	"library_action_id" text,
	"title" text NOT NULL,
	"owner" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"progress_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safe_response_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"response_id" uuid NOT NULL,
	"question_id" text,
	"text" text NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safe_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"definition_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"contributors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"score_card" jsonb,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"updated_by" uuid,
	"updated_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "safe_campaign_invitations" ADD CONSTRAINT "safe_campaign_invitations_campaign_id_safe_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."safe_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safe_response_comments" ADD CONSTRAINT "safe_response_comments_response_id_safe_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."safe_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safe_responses" ADD CONSTRAINT "safe_responses_campaign_id_safe_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."safe_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "safe_campaign_invitations_org_idx" ON "safe_campaign_invitations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "safe_campaigns_deadline_idx" ON "safe_campaigns" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "safe_plan_actions_org_idx" ON "safe_plan_actions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "safe_response_comments_response_idx" ON "safe_response_comments" USING btree ("response_id");--> statement-breakpoint
CREATE UNIQUE INDEX "safe_responses_campaign_org_uq" ON "safe_responses" USING btree ("campaign_id","organisation_id");--> statement-breakpoint
CREATE INDEX "safe_responses_org_idx" ON "safe_responses" USING btree ("organisation_id","status");