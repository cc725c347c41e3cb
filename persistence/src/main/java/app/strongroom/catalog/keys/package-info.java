/** Each tenant's data keyset as the catalog keeps it: wrapped by the platform master key, never in clear (P14). */
package app.strongroom.catalog.keys;
