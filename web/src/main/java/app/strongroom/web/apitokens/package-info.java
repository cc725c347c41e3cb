/** The staff member's own API tokens page: make one (shown once), see them, revoke one. */
package app.strongroom.web.apitokens;
