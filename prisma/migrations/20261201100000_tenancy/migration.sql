-- CreateTable
CREATE TABLE "tenants" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tenant_namespaces" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "hub" TEXT NOT NULL,
    "pattern" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenant_namespaces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "time" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorKind" TEXT NOT NULL,
    "actorUserId" TEXT,
    "actorEmail" TEXT,
    "tokenId" TEXT,
    "tokenPrefix" TEXT,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "status" INTEGER,
    "targetHub" TEXT,
    "targetNamespace" TEXT,
    "targetKind" TEXT,
    "targetName" TEXT,
    "tenant" TEXT,
    "reason" TEXT,
    "requestId" TEXT,
    "clientIp" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tenants_slug_key" ON "tenants"("slug");

-- CreateIndex
CREATE INDEX "tenant_namespaces_tenantId_idx" ON "tenant_namespaces"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "tenant_namespaces_hub_pattern_key" ON "tenant_namespaces"("hub", "pattern");

-- CreateIndex
CREATE INDEX "audit_events_time_idx" ON "audit_events"("time");

-- CreateIndex
CREATE INDEX "audit_events_tenant_id_idx" ON "audit_events"("tenant", "id");

-- CreateIndex
CREATE INDEX "audit_events_actorUserId_id_idx" ON "audit_events"("actorUserId", "id");

-- CreateIndex
CREATE INDEX "audit_events_action_id_idx" ON "audit_events"("action", "id");

-- AddForeignKey
ALTER TABLE "tenant_namespaces" ADD CONSTRAINT "tenant_namespaces_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit trail is append-only: the application has no update/delete path, and the database
-- refuses one too (hand-written; prisma migrate diff does not model triggers).
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER "audit_events_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_events"
    FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();

CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
