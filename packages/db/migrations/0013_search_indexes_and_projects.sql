CREATE TABLE "makrcave"."projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" uuid NOT NULL,
	"makerspace_id" uuid,
	"visibility" text DEFAULT 'private' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_slug_unique" UNIQUE("slug"),
	CONSTRAINT "projects_slug_shape" CHECK ("makrcave"."projects"."slug" ~ '^[a-z0-9][a-z0-9-]*$'),
	CONSTRAINT "projects_visibility_known" CHECK ("makrcave"."projects"."visibility" in ('public', 'private'))
);
--> statement-breakpoint
ALTER TABLE "makrcave"."projects" ADD CONSTRAINT "projects_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makrcave"."projects" ADD CONSTRAINT "projects_makerspace_id_makerspaces_id_fk" FOREIGN KEY ("makerspace_id") REFERENCES "makrcave"."makerspaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "projects_owner_idx" ON "makrcave"."projects" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "projects_makerspace_idx" ON "makrcave"."projects" USING btree ("makerspace_id");--> statement-breakpoint
CREATE INDEX "projects_public_updated_idx" ON "makrcave"."projects" USING btree ("updated_at") WHERE "makrcave"."projects"."visibility" = 'public';--> statement-breakpoint
CREATE INDEX "projects_search_idx" ON "makrcave"."projects" USING gin ((setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', public.search_words("tags")), 'B') || setweight(to_tsvector('english', "summary"), 'C') || setweight(to_tsvector('english', "description"), 'D')));--> statement-breakpoint
CREATE INDEX "profiles_search_idx" ON "auth"."profiles" USING gin ((setweight(to_tsvector('english', "handle" || ' ' || "headline"), 'A') || setweight(to_tsvector('english', public.search_words("skills")), 'B') || setweight(to_tsvector('english', "bio" || ' ' || "location"), 'C')));--> statement-breakpoint
CREATE INDEX "makerspaces_search_idx" ON "makrcave"."makerspaces" USING gin ((setweight(to_tsvector('english', "name"), 'A') || setweight(to_tsvector('english', "tagline" || ' ' || "city" || ' ' || "country"), 'B') || setweight(to_tsvector('english', "description"), 'C')));--> statement-breakpoint
CREATE INDEX "products_search_idx" ON "store"."products" USING gin ((setweight(to_tsvector('english', "name"), 'A') || setweight(to_tsvector('english', "brand" || ' ' || "sku"), 'B') || setweight(to_tsvector('english', "summary"), 'C') || setweight(to_tsvector('english', "description"), 'D')));