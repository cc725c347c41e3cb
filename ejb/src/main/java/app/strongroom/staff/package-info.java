/** The platform staff's use cases on tenants as a whole: listing them and deleting one (operators only). */
package app.strongroom.staff;
