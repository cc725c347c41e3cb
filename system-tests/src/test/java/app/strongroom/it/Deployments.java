package app.strongroom.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The one Arquillian deployment: the Micro WAR exactly as the build made it, plus the test classes that run inside. */
public final class Deployments {
    private Deployments() {
    }

    public static WebArchive strongroom(Class<?>... inContainerClasses) {
        return strongroom("strongroom.war", inContainerClasses);
    }

    /** The same, under another archive name, for a test class that deploys more than one build. */
    public static WebArchive strongroom(String archiveName, Class<?>... inContainerClasses) {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, archiveName)
                .importFrom(new File(System.getProperty("strongroom.war")))
                .as(WebArchive.class);
        return war.addClasses(inContainerClasses);
    }
}
