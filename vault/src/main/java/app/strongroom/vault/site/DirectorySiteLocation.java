package app.strongroom.vault.site;

import java.nio.file.Path;

/** A site in a directory, typically a mounted disk or network share; {@code root} is absolute. */
public record DirectorySiteLocation(Path root) implements SiteLocation {
    public DirectorySiteLocation {
        root = root.toAbsolutePath().normalize();
    }

    @Override
    public SiteStore open(String siteName) {
        return new DirectorySiteStore(siteName, root);
    }

    @Override
    public String describe() {
        return "file:" + root;
    }

    @Override
    public String toString() {
        return describe();
    }
}
