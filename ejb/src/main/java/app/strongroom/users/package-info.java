/**
 * The tenant administrator's user management: invitations by mail, deactivation and reactivation, groups, and
 * sending a user a password link. The administrator never sees, chooses or receives a user's password or link.
 */
package app.strongroom.users;
