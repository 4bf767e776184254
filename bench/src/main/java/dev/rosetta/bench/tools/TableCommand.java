package dev.rosetta.bench.tools;

import dev.rosetta.bench.report.Json;
import dev.rosetta.bench.report.Reports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Turns --json reports into one markdown table, a row per level. */
@Command(name = "table", mixinStandardHelpOptions = true,
        description = "Print a markdown table of --json reports (one row per concurrency level).")
public final class TableCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JSON reports written by --json.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() throws Exception {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Path f : files) {
            docs.add((Map<String, Object>) Json.parse(Files.readString(f, StandardCharsets.UTF_8)));
        }
        spec.commandLine().getOut().print(Reports.markdown(docs));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
