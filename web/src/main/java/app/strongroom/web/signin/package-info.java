/** Signing in (tenant users and platform staff) and signing out. */
package app.strongroom.web.signin;
