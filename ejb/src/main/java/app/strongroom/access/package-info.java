/**
 * The tenant administrator's side of access control (P20): rights per model and group, record rules with their
 * expressions checked before anything is saved (P19), and "explain access" for a user and a record.
 */
package app.strongroom.access;
