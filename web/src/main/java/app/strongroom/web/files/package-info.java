/** Files attached to contacts: the list and upload on the contact page, and downloads that never render as a page. */
package app.strongroom.web.files;
