package org.carebridge.guidelines.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One file of the ruleset: a {@code .drl}, a {@code .csv} decision table, or the words of the findings
 * ({@code messages_en.properties}, {@code messages_zh.properties}); its path is relative to the rules root.
 */
public record RuleSource(String path, byte[] content) {

    static final String PACKAGE_FOLDER = "org/carebridge/guidelines";

    boolean isDecisionTable() {
        return path.endsWith(".csv");
    }

    boolean isRules() {
        return path.endsWith(".drl") || isDecisionTable();
    }

    private static boolean isRulesetFile(String name) {
        return name.endsWith(".drl") || name.endsWith(".csv") || name.startsWith("messages_") && name.endsWith(".properties");
    }

    /** The rules packaged with CareBridge (the {@code rules/} folder is a resource root). */
    public static List<RuleSource> fromClasspath() {
        try {
            List<RuleSource> sources = new ArrayList<>();
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            for (String pattern : List.of("*.drl", "*.csv", "messages_*.properties")) {
                for (Resource resource : resolver.getResources("classpath*:" + PACKAGE_FOLDER + "/" + pattern)) {
                    sources.add(new RuleSource(PACKAGE_FOLDER + "/" + resource.getFilename(),
                            resource.getContentAsByteArray()));
                }
            }
            return sorted(sources);
        } catch (IOException e) {
            throw new UncheckedIOException("The packaged guideline rules cannot be read", e);
        }
    }

    /** The rules in a folder on disk laid out like {@code rules/}: {@code <root>/org/carebridge/guidelines/*.drl} and the rest. */
    public static List<RuleSource> fromFolder(Path root) throws IOException {
        Path folder = root.resolve(PACKAGE_FOLDER);
        if (!Files.isDirectory(folder)) {
            throw new IOException("No rules folder at " + folder.toAbsolutePath());
        }
        List<RuleSource> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> isRulesetFile(f.getFileName().toString())).toList()) {
                sources.add(new RuleSource(PACKAGE_FOLDER + "/" + file.getFileName(), Files.readAllBytes(file)));
            }
        }
        return sorted(sources);
    }

    /** SHA-256 over every file's path and content, in path order: the same rules, the same version. */
    public static String version(List<RuleSource> sources) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (RuleSource source : sorted(sources)) {
                sha256.update(source.path().getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
                sha256.update(source.content());
                sha256.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static List<RuleSource> sorted(List<RuleSource> sources) {
        return sources.stream().sorted(Comparator.comparing(RuleSource::path)).toList();
    }
}
