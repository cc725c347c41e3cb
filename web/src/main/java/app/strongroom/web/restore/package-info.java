/** Restores as the tenant's administrator sees them: the list on the trust page, and a side database opened read-only. */
package app.strongroom.web.restore;
