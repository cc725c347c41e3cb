/** The public sign-up page. */
package app.strongroom.web.signup;
