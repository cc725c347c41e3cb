package app.strongroom.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against Strongroom deployed by Arquillian on Payara Micro. The previous class's server may
 * still be shutting down (the data grid takes a moment) on the run's HTTPS port, so this first waits for the port.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({HttpsPortFree.class, ArquillianExtension.class})
public @interface OnStrongroom {
}
