CREATE TABLE "compilation_mras" (
	"id" text PRIMARY KEY NOT NULL,
	"parties" text[] NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"signed_on" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unverified" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compilation_programmes" (
	"id" text PRIMARY KEY NOT NULL,
	"country" text NOT NULL,
	"region" text,
	"name" text NOT NULL,
	"local_name" text,
	"administration" text NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"launch_year" integer,
	"operator_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"criteria" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"benefits" text[] DEFAULT '{}'::text[] NOT NULL,
	"reassessment" jsonb,
	"aeo_count" integer,
	"website" text,
	"contact" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unverified" text[] DEFAULT '{}'::text[] NOT NULL,
	"review_state" text NOT NULL,
	"review_comment" text,
	"curated_by_organisation_id" uuid,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compilation_programmes" ADD CONSTRAINT "compilation_programmes_curated_by_organisation_id_organisations_id_fk" FOREIGN KEY ("curated_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compilation_mras_parties_idx" ON "compilation_mras" USING gin ("parties");--> statement-breakpoint
CREATE UNIQUE INDEX "compilation_programmes_country_name_uq" ON "compilation_programmes" USING btree ("country",lower("name"));--> statement-breakpoint
CREATE INDEX "compilation_programmes_review_idx" ON "compilation_programmes" USING btree ("review_state");