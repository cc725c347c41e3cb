/**
 * Password hashing shared by the tenant users' and the staff's realms: PBKDF2-HMAC-SHA512 with a random salt per
 * password, stored in passlib's modular-crypt format so hashes migrated from Odoo keep working unchanged (P2).
 */
package app.strongroom.identity;
