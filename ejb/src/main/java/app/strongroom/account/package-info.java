/**
 * A user's own account: changing the password, the "forgot password" link and choosing a password through a link
 * (invitation or reset), and whether a session is still current. Choosing a password raises the account's session
 * epoch, which ends every other session of the user.
 */
package app.strongroom.account;
