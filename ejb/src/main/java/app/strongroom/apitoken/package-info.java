/**
 * Staff API tokens: a staff member makes, lists and revokes their own; the API's authentication checks a presented
 * token and records every refusal in the platform's audit trail.
 */
package app.strongroom.apitoken;
