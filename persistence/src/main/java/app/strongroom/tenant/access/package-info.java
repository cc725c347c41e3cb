/**
 * Who may see and change which records (P20), in the data layer every service goes through: access rights per model
 * and group (read, write, create, delete; any of the user's groups grants, the administrator flag grants all) and
 * record rules, expressions of the rules language compiled into the Criteria query of every list, count, load, write
 * and delete. A record outside the rules is not found; a write that would move one outside them is refused.
 */
package app.strongroom.tenant.access;
