/**
 * Downloads of backups by the tenant's administrators (P8). A live download streams a fresh snapshot of the tenant as
 * it is made ({@code backup.TenantSnapshot}, the kept backups' own format, plain inside the HTTPS response), one per
 * tenant at a time across the cluster under a lease in the catalog. A kept backup is decrypted on the fly from the
 * home location through Tink's seekable decryption, so a resumed download starts at its byte, not at the first.
 * Every download and every refusal is in the tenant's audit trail; refusals of callers who belong to no tenant go to
 * the platform's events as well.
 */
package app.strongroom.download;
