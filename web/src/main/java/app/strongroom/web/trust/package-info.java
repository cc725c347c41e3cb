/** The tenant administrator's trust page: backups, copies by site and continent, the last drill, the key. */
package app.strongroom.web.trust;
