package dev.rosetta.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the classes whose names start with one of the given prefixes from its own URLs first, everything else
 * from the parent. Used to run an SDK whose dependencies clash with the test class path (the WOS SDK and its
 * patched okhttp 3 / okio 1 classes, next to minio's okhttp 4).
 */
public final class ChildFirstClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final List<String> childFirst;

    public ChildFirstClassLoader(List<URL> urls, List<String> childFirstPrefixes, ClassLoader parent) {
        super(urls.toArray(new URL[0]), parent);
        this.childFirst = List.copyOf(childFirstPrefixes);
    }

    /**
     * The jars of a directory, in the given order first (names starting with those prefixes), then the rest.
     *
     * @throws IllegalStateException when the directory does not exist (the build did not prepare it)
     */
    public static List<URL> jars(Path dir, List<String> firstPrefixes) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " does not exist: run the tests through Maven (process-test-classes"
                    + " copies the SDK there)");
        }
        List<Path> all;
        try (Stream<Path> s = Files.list(dir)) {
            all = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> ordered = new ArrayList<>();
        for (String prefix : firstPrefixes) {
            all.stream().filter(p -> p.getFileName().toString().startsWith(prefix) && !ordered.contains(p))
                    .forEach(ordered::add);
        }
        all.stream().filter(p -> !ordered.contains(p)).forEach(ordered::add);
        List<URL> urls = new ArrayList<>();
        for (Path p : ordered) {
            urls.add(toUrl(p));
        }
        return urls;
    }

    public static URL toUrl(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!isChildFirst(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException e) {
                    c = super.loadClass(name, false);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        String asClass = name.replace('/', '.');
        if (isChildFirst(asClass)) {
            URL url = findResource(name);
            if (url != null) {
                return url;
            }
        }
        return super.getResource(name);
    }

    private boolean isChildFirst(String name) {
        for (String p : childFirst) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
