package dev.lazaret.proxy.cli;

import dev.lazaret.proxy.Version;
import dev.lazaret.proxy.config.ConfigException;
import dev.lazaret.proxy.config.Durations;
import dev.lazaret.proxy.upstream.PrintableUrl;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lazaret ping URL}: exit 0 if {@code GET URL} answers 200 in time, else 1. It exists
 * for container health checks, since a slim JRE image has no curl.
 */
@Command(name = "ping", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Exit 0 if GET URL answers 200 in time, else 1 (for health checks).")
final class PingCommand implements Callable<Integer> {

  @Parameters(paramLabel = "URL", description = "e.g. http://127.0.0.1:4873/-/ping")
  private String url;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "3s",
      description = "Give up after this long. Default: ${DEFAULT-VALUE}")
  private String timeout;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    URI uri;
    Duration limit;
    HttpRequest request;
    try {
      uri = URI.create(url);
      limit = Durations.parsePositive(timeout);
      request = HttpRequest.newBuilder(uri).timeout(limit).GET().build();
    } catch (IllegalArgumentException | ConfigException e) {
      return fail("ping '" + url + "': " + e.getMessage(), spec.exitCodeOnInvalidInput());
    }
    // HTTP/1.1 only: an h2c upgrade attempt is pointless against a health endpoint.
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(limit).build()) {
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status == 200 ? 0 : fail("ping " + uri + ": HTTP " + status, 1);
    } catch (HttpTimeoutException e) {
      return fail("ping " + uri + ": no answer within " + timeout, 1);
    } catch (ConnectException e) {
      return fail("ping " + uri + ": connection refused", 1);
    } catch (IOException e) {
      return fail("ping " + uri + ": " + e, 1);
    }
  }

  private int fail(String message, int exitCode) {
    spec.commandLine().getErr().println("lazaret: " + PrintableUrl.in(message));
    return exitCode;
  }
}
