/** Pages of a user's own account: change password, forgot password, choose a password through a mailed link. */
package app.strongroom.web.account;
