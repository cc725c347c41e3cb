/**
 * Staff API tokens: what a staff member's scripts and the command-line console authenticate with instead of a
 * password and a session. Only a token's SHA-256 is kept; the token acts with its owner's role at the time of use.
 */
package app.strongroom.catalog.apitoken;
