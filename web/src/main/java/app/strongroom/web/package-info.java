/**
 * The Faces web layer: tiny backing beans that turn form values into commands for the EJB services and outcomes
 * into messages. No business rule lives here. Text comes from the {@code msg} resource bundle.
 */
package app.strongroom.web;
