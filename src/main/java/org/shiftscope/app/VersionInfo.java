// `shiftscope --version`: the application version and the ND4J backend this JVM would train on.
package org.shiftscope.app;

import org.shiftscope.model.Backend;
import picocli.CommandLine;

public final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[]{
                "ShiftScope " + (version == null ? "(development build)" : version),
                "Backend: " + Backend.describe(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
