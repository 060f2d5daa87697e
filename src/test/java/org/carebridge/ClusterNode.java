package org.carebridge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One CareBridge node as production runs it: {@code java -jar target/carebridge.jar} with the postgres profile,
 * in a process of its own on a loopback port, its output in {@code target/cluster/<name>.log}. Killing it is
 * {@code kill -9}.
 */
final class ClusterNode {

    private static final Path JAR = Path.of("target", "carebridge.jar");

    final String name;
    final int port;
    private final String databaseUrl;
    private final List<String> arguments;
    private Process process;

    ClusterNode(String name, int port, String databaseUrl, String... arguments) {
        this.name = name;
        this.port = port;
        this.databaseUrl = databaseUrl;
        this.arguments = List.of(arguments);
    }

    ClusterNode start() throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the cluster test runs the packaged jar (mvn verify)");
        }
        Path log = Path.of("target", "cluster", name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(), "--spring.profiles.active=postgres",
                "--server.port=" + port));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("DB_URL", databaseUrl);
        builder.environment().put("DB_USER", TestDatabase.USER);
        builder.environment().put("DB_PASSWORD", "");
        builder.environment().put("DEMO_DATA", "true");
        process = builder.start();
        return this;
    }

    /** Waits until {@code /actuator/health} says UP; fails if the process ends first or {@code limit} passes. */
    void awaitHealthy(Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended with " + process.exitValue() + "; see target/cluster/"
                        + name + ".log");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(name + " not healthy within " + limit + "; see target/cluster/" + name + ".log");
    }

    /** {@code kill -9}: no shutdown hook, no orderly end of a transaction. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    String log() throws IOException {
        return Files.readString(Path.of("target", "cluster", name + ".log"));
    }

    ApiClient as(String username) {
        return ApiClient.as(port, username);
    }
}
