/**
 * Stored files (attachments) of a tenant's records: encrypted on disk under the tenant's data key, bound to tenant
 * and file so no ciphertext can be passed off as another; described in the tenant database.
 */
package app.strongroom.files;
