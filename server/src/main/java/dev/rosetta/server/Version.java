package dev.rosetta.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The build's version, from a resource Maven filters. */
public final class Version implements CommandLine.IVersionProvider {
    public static final String VERSION = load();

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/rosetta-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Rosetta " + VERSION};
    }
}
