/** The tenant administrator's access page: rights per model and group, record rules, and "explain access". */
package app.strongroom.web.access;
