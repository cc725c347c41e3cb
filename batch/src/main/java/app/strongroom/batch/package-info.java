/**
 * Jakarta Batch jobs of the platform, thin steps over the services of the EJB module, with their schedule. Job XML
 * lies under {@code META-INF/batch-jobs}; the module is an EJB module so that, in the EAR, it shares the EJB class
 * loader with the services it calls, and a library jar of the Micro WAR.
 */
package app.strongroom.batch;
